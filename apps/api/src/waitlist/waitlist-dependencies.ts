import type { Db } from '../db/client.ts';
import type { ManageTokens } from '../bookings/manage-token.ts';

/** What the waitlist rules need from the app. */
export interface WaitlistDependencies {
  db: Db;
  timeZone: string;
  tokens: ManageTokens;
  publicUrl: string;
  /** The same daily cap as bookings: a phone's bookings and live entries of one seva on one day. */
  bookingsPerPhonePerSevaPerDay?: number | undefined;
  now?: () => Date;
}

/** Short transactions that wait for the slot's row lock behind a busy sale. */
export const WAITLIST_TRANSACTION = {
  isolationLevel: 'ReadCommitted',
  maxWait: 15_000,
  timeout: 15_000,
} as const;
