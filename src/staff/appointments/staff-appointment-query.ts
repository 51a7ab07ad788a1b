import { ValidationError } from '../../common/errors.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { filterValue, type ListQuery } from '../common/list-query.js';

export const APPOINTMENT_SORTS = ['start', 'end', 'createdAt', 'updatedAt', 'status'] as const;
export const APPOINTMENT_STATUSES = ['held', 'requested', 'confirmed', 'payment_pending', 'checked_in', 'completed', 'rescheduled', 'cancelled', 'no_show'] as const;

const SORT_COLUMN = { start: 'startsAt', end: 'endsAt', createdAt: 'createdAt', updatedAt: 'updatedAt', status: 'status' } as const;

/**
 * The appointment list's filters as a query condition (the caller adds its scope):
 * from/to (ISO; appointments overlapping the range), providerId, locationId, serviceId, status
 * (one or a list), patientId, id (a list, for react-admin getMany). patientPhone is resolved to a
 * patient id by the service (blind index), since phones are encrypted.
 */
export function appointmentFilter(query: ListQuery, patientIdFromPhone: string | null | undefined): Prisma.AppointmentWhereInput {
  const f = query.filter;
  const from = filterValue.date(f, 'from');
  const to = filterValue.date(f, 'to');
  if (from && to && +to <= +from) throw new ValidationError('filter.to must be after filter.from');
  const patientId = filterValue.uuid(f, 'patientId');
  const ids = filterValue.uuids(f, 'id');
  const statuses = filterValue.strings(f, 'status', APPOINTMENT_STATUSES);
  const conditions: Prisma.AppointmentWhereInput[] = [
    from ? { endsAt: { gt: from } } : {},
    to ? { startsAt: { lt: to } } : {},
    { providerId: filterValue.uuid(f, 'providerId'), locationId: filterValue.uuid(f, 'locationId'), serviceId: filterValue.uuid(f, 'serviceId') },
    statuses ? { status: { in: statuses } } : {},
    patientId ? { patientId } : {},
    ids ? { id: { in: ids } } : {},
    // A phone that matches no patient matches no appointment (not "no filter").
    patientIdFromPhone !== undefined ? { patientId: patientIdFromPhone ?? '00000000-0000-0000-0000-000000000000' } : {},
  ];
  return { AND: conditions };
}

export function appointmentOrder(query: ListQuery<(typeof APPOINTMENT_SORTS)[number]>): Prisma.AppointmentOrderByWithRelationInput {
  return { [SORT_COLUMN[query.sort.field]]: query.sort.order };
}
