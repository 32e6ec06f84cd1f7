import type { BookingWithSlot } from './booking-dto.ts';

type AuditedBooking = Pick<
  BookingWithSlot,
  | 'reference'
  | 'status'
  | 'slotId'
  | 'devoteeName'
  | 'phone'
  | 'email'
  | 'persons'
  | 'gotra'
  | 'nakshatra'
  | 'rashi'
>;

/** What the audit trail keeps of a booking. */
export function auditView(b: AuditedBooking) {
  return {
    reference: b.reference,
    status: b.status,
    slotId: b.slotId,
    devoteeName: b.devoteeName,
    phone: b.phone,
    email: b.email,
    persons: b.persons,
    gotra: b.gotra,
    nakshatra: b.nakshatra,
    rashi: b.rashi,
  };
}
