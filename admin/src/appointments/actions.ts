import { api } from '../api/http';

/**
 * Appointment actions of the staff API. Which buttons show follows the server's transition table
 * (src/booking/appointment-status.ts); the server still checks every change.
 */
const NEXT: Record<string, string[]> = {
  held: ['cancel'],
  requested: ['confirmed', 'cancel', 'move', 'provider'],
  payment_pending: ['confirmed', 'cancel', 'move', 'provider'],
  confirmed: ['checked_in', 'no_show', 'cancel', 'move', 'provider'],
  checked_in: ['completed', 'no_show'],
  no_show: ['checked_in', 'completed'],
  completed: [],
  rescheduled: [],
  cancelled: [],
};

export function allowedActions(status: string): string[] {
  return NEXT[status] ?? [];
}

type Json = Record<string, unknown>;

export const appointmentActions = {
  setStatus: (id: string, status: string, reason?: string) =>
    api<Json>(`/appointments/${id}/status`, { method: 'POST', body: { status, ...(reason?.trim() ? { reason: reason.trim() } : {}) } }),
  cancel: (id: string, reason: string) => api<Json>(`/appointments/${id}/cancel`, { method: 'POST', body: { reason: reason.trim() } }),
  move: (id: string, start: string, overrideReason?: string) =>
    api<Json>(`/appointments/${id}/move`, { method: 'POST', body: { start, ...(overrideReason?.trim() ? { override: { reason: overrideReason.trim() } } : {}) } }),
  changeProvider: (id: string, providerId: string, reason: string) =>
    api<Json>(`/appointments/${id}/provider`, { method: 'POST', body: { providerId, reason: reason.trim() } }),
};
