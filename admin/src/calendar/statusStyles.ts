/**
 * Status colours for the calendar and lists. Never colour alone: every block also carries the status
 * label, and ended states (cancelled, no-show) are struck through or dashed as well.
 */
export const STATUSES = ['requested', 'confirmed', 'payment_pending', 'checked_in', 'completed', 'no_show', 'cancelled', 'rescheduled', 'held'] as const;
export type AppointmentStatus = (typeof STATUSES)[number];

interface StatusStyle { background: string; border: string; text: string; pattern?: 'dashed' | 'struck' }

export const STATUS_STYLES: Record<AppointmentStatus, StatusStyle> = {
  requested: { background: '#fff4d6', border: '#c98a00', text: '#5c3d00' },
  confirmed: { background: '#dbeafe', border: '#1d4ed8', text: '#102a6b' },
  payment_pending: { background: '#fde7d9', border: '#c2410c', text: '#6b2106' },
  checked_in: { background: '#d1f2e4', border: '#047857', text: '#053d2c' },
  completed: { background: '#e5e7eb', border: '#4b5563', text: '#1f2937' },
  no_show: { background: '#fde2e2', border: '#b91c1c', text: '#6b0f0f', pattern: 'dashed' },
  cancelled: { background: '#f3f4f6', border: '#9ca3af', text: '#4b5563', pattern: 'struck' },
  rescheduled: { background: '#f3f4f6', border: '#9ca3af', text: '#4b5563', pattern: 'struck' },
  held: { background: '#ede9fe', border: '#6d28d9', text: '#3b1a7a', pattern: 'dashed' },
};

export function statusStyle(status: string): StatusStyle {
  return STATUS_STYLES[status as AppointmentStatus] ?? STATUS_STYLES.confirmed;
}

/** Statuses that still occupy the time (the others are shown faded, behind). */
export const ACTIVE_STATUSES = new Set(['held', 'requested', 'confirmed', 'payment_pending', 'checked_in', 'completed']);
