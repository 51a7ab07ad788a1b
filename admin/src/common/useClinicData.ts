import { useGetList } from 'react-admin';
import type { Location, Provider, Rule } from '../calendar/types';

export interface Service { id: string; name: string; nameEs?: string; durationMinutes?: number; newPatientOnly?: boolean; telehealth?: boolean }

const ALL = { pagination: { page: 1, perPage: 500 }, sort: { field: 'name', order: 'ASC' as const } };

/** Locations, providers, services and weekly rules: small, cached lists most screens need. */
export function useClinicData() {
  const locations = useGetList<Location>('locations', ALL);
  const providers = useGetList<Provider>('providers', ALL);
  const services = useGetList<Service>('services', ALL);
  const rules = useGetList<Rule>('availability-rules', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'weekday', order: 'ASC' } });
  return {
    locations: locations.data ?? [],
    providers: providers.data ?? [],
    services: services.data ?? [],
    rules: rules.data ?? [],
    loading: locations.isPending || providers.isPending,
    error: locations.error ?? providers.error ?? null,
  };
}

export const DEFAULT_ZONE = 'America/New_York';

export function zoneOf(locations: Location[], locationId: string | null | undefined): string {
  return locations.find((l) => l.id === locationId)?.timezone ?? locations[0]?.timezone ?? DEFAULT_ZONE;
}
