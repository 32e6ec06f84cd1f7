import type { BookingSource } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import type { Tx } from '../db/client.ts';
import { settingsCacheOf } from '../admin/settings/temple-settings.ts';
import { noShowsOfPhone } from './no-shows.ts';

const DAY_MS = 86_400_000;

/**
 * Refuses a devotee-site booking for a phone with too many recent no-shows, when an admin has
 * set a limit (Settings: noShowLimit, noShowWindowDays). Counter and API bookings are never
 * refused: the devotee is told to come to the counter, where staff can still book them.
 * With the limit off (the default) this costs no query: the settings are cached.
 */
export async function assertUnderNoShowLimit(
  db: Tx,
  booking: { source: BookingSource; phone: string },
  now: Date,
): Promise<void> {
  if (booking.source !== 'web') return;
  const { noShowLimit, noShowWindowDays } = await settingsCacheOf(db).current();
  if (noShowLimit === 0) return;
  const since = new Date(now.getTime() - noShowWindowDays * DAY_MS);
  const noShows = await noShowsOfPhone(db, booking.phone, since, now);
  if (noShows < noShowLimit) return;
  throw new AppError(
    409,
    'too_many_no_shows',
    'Please book at the counter',
    'This phone number has missed several recent sevas it booked, so it cannot book online ' +
      'for now. You are welcome to book at the temple counter.',
  );
}
