import { randomBytes, randomInt } from 'node:crypto';
import { dateColumnValue } from '@sevabook/shared';
import { ManageTokens } from '../src/bookings/manage-token.ts';
import { newReference } from '../src/bookings/reference.ts';
import type { Db, Tx } from '../src/db/client.ts';
import type { Prisma } from '../src/generated/prisma/client.ts';

/**
 * Test data. Every test file shares one database with the others running at the same time,
 * so everything made here is unique (slugs, phones, references, start times) and tests look
 * only at their own rows. Pass `sevaId` to materialiseSlots in tests for the same reason.
 */

export function uniqueSuffix(): string {
  return randomBytes(5).toString('hex');
}

export function createSeva(db: Tx, overrides: Partial<Prisma.SevaUncheckedCreateInput> = {}) {
  const suffix = uniqueSuffix();
  return db.seva.create({
    data: {
      slug: `test-seva-${suffix}`,
      nameEn: `Test Archana ${suffix}`,
      nameKn: `ಪರೀಕ್ಷಾ ಅರ್ಚನೆ ${suffix}`,
      descriptionEn: 'A seva made by a test.',
      descriptionKn: 'ಪರೀಕ್ಷೆಗಾಗಿ ಮಾಡಿದ ಸೇವೆ.',
      durationMinutes: 30,
      feePaise: 0,
      defaultCapacity: 10,
      maxPersonsPerBooking: 4,
      bookingOpensDaysAhead: 60,
      bookingClosesMinutesBefore: 30,
      ...overrides,
    },
  });
}

/**
 * The body an admin sends to create a seva (POST /api/v1/admin/sevas), with a slug of its own;
 * `extra` adds or replaces fields, wrong ones too.
 */
export function newSevaBody(extra: Record<string, unknown> = {}) {
  return {
    slug: `vahana-puja-${uniqueSuffix()}`,
    name: { en: 'Vahana Puja', kn: 'ವಾಹನ ಪೂಜೆ' },
    description: { en: 'Blessing of a vehicle.', kn: 'ವಾಹನಕ್ಕೆ ಆಶೀರ್ವಾದ.' },
    durationMinutes: 20,
    feePaise: 15_000,
    defaultCapacity: 6,
    maxPersonsPerBooking: 3,
    bookingOpensDaysAhead: 30,
    bookingClosesMinutesBefore: 60,
    ...extra,
  };
}

export interface ScheduleFields {
  sevaId: number;
  /** ISO weekdays, "1,3,5"; every day by default. */
  weekdays?: string;
  /** Temple-local start times, "06:30,18:00". */
  times?: string;
  capacity?: number | null;
  /** Temple dates, YYYY-MM-DD. */
  validFrom: string;
  validUntil?: string | null;
  active?: boolean;
}

export function createSchedule(db: Tx, fields: ScheduleFields) {
  return db.schedule.create({
    data: {
      sevaId: fields.sevaId,
      weekdays: fields.weekdays ?? '1,2,3,4,5,6,7',
      times: fields.times ?? '06:30',
      capacity: fields.capacity ?? null,
      validFrom: dateColumnValue(fields.validFrom),
      validUntil: fields.validUntil ? dateColumnValue(fields.validUntil) : null,
      active: fields.active ?? true,
    },
  });
}

/** A closed date for one seva, or for the whole temple when sevaId is null. */
export function createClosedDate(
  db: Tx,
  fields: { sevaId: number | null; date: string; reason?: string },
) {
  return db.closedDate.create({
    data: {
      sevaId: fields.sevaId,
      date: dateColumnValue(fields.date),
      reason: fields.reason ?? 'Closed by a test',
    },
  });
}

export interface SlotFields {
  /** A fresh seva is made when none is given. */
  sevaId?: number;
  /** A unique whole minute a few days ahead by default. */
  startsAt?: Date;
  capacity?: number;
  booked?: number;
  status?: 'open' | 'closed' | 'cancelled';
  scheduleId?: number | null;
  note?: string | null;
}

let slotsMade = 0;

export async function createSlot(db: Tx, fields: SlotFields = {}) {
  const sevaId = fields.sevaId ?? (await createSeva(db)).id;
  return db.slot.create({
    data: {
      sevaId,
      startsAt: fields.startsAt ?? defaultStart(),
      capacity: fields.capacity ?? 10,
      booked: fields.booked ?? 0,
      status: fields.status ?? 'open',
      scheduleId: fields.scheduleId ?? null,
      note: fields.note ?? null,
    },
  });
}

/** Three days ahead at a whole minute, a different one for each slot this process makes. */
function defaultStart(): Date {
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCSeconds(0, 0);
  return new Date(start.getTime() + slotsMade++ * 60_000);
}

export function uniquePhone(): string {
  // +91 and a ten-digit mobile number starting with 9, as devotees' phones do.
  return `+919${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

export interface BookingFields extends Partial<Omit<Prisma.BookingUncheckedCreateInput, 'slotId'>> {
  slotId: number;
}

/**
 * A booking, with its places taken from the slot in the same transaction (as the booking
 * service does), so slot.booked stays true. Returns the booking and a manage token for it:
 * random rather than derived from the server's secret, which is fine because checking a token
 * needs only its stored hash.
 */
export async function createBooking(db: Db, fields: BookingFields) {
  const manageToken = randomBytes(16).toString('base64url');
  const persons = fields.persons ?? 1;
  const status = fields.status ?? 'confirmed';
  // Like the booking path: the booking keeps its seva's fee for all its persons.
  const { seva } = await db.slot.findUniqueOrThrow({
    where: { id: fields.slotId },
    select: { seva: { select: { feePaise: true } } },
  });
  const [booking] = await db.$transaction([
    db.booking.create({
      data: {
        reference: newReference(),
        devoteeName: 'Test Devotee',
        phone: uniquePhone(),
        source: 'web',
        manageTokenHash: ManageTokens.hash(manageToken),
        feePaise: seva.feePaise * persons,
        ...fields,
        persons,
        status,
      },
    }),
    db.slot.update({
      where: { id: fields.slotId },
      data: { booked: { increment: status === 'confirmed' ? persons : 0 } },
    }),
  ]);
  return { booking, manageToken };
}
