import type { Database } from '../db/database.ts';
import type { ManageTokens } from './manage-token.ts';

/** What the booking rules (create, cancel and change a booking) need from the app. */
export interface BookingDependencies {
  database: Database;
  timeZone: string;
  tokens: ManageTokens;
  now?: () => Date;
  /**
   * Confirmed bookings one phone may hold for one seva on one temple date; unset = no cap (staff
   * at the counter book for whole families with one number).
   */
  bookingsPerPhonePerSevaPerDay?: number;
}

/** The same settings for an interactive transaction (cancel and change a booking). */
export const TRANSACTION_OPTIONS = {
  isolationLevel: 'ReadCommitted',
  // Under a flash sale many requests wait for a pooled connection; give them time.
  maxWait: 15_000,
  timeout: 15_000,
} as const;
