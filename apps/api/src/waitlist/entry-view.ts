import {
  templeDateOf,
  templeTimeOf,
  type AdminWaitlistEntry,
  type WaitlistEntry as WaitlistEntryDto,
} from '@sevabook/shared';
import type { Tx } from '../db/client.ts';
import type { Booking, Seva, Slot, WaitlistEntry } from '../generated/prisma/client.ts';

export type EntryWithSlot = WaitlistEntry & {
  slot: Slot & { seva: Seva };
  offer: Booking | null;
};

export const entryInclude = { slot: { include: { seva: true } }, offer: true } as const;

/** 1 for the next entry to be offered places; null once the entry no longer waits. */
export async function positionOf(tx: Tx, entry: WaitlistEntry): Promise<number | null> {
  if (entry.status !== 'waiting') return null;
  const ahead = await tx.waitlistEntry.count({
    where: { slotId: entry.slotId, status: 'waiting', id: { lt: entry.id } },
  });
  return ahead + 1;
}

function offerOf(entry: EntryWithSlot): AdminWaitlistEntry['offer'] {
  const booking = entry.offer;
  if (entry.status !== 'offered' || booking?.status !== 'offered' || !booking.holdExpiresAt) {
    return null;
  }
  return {
    reference: booking.reference,
    persons: booking.persons,
    feePaise: booking.feePaise,
    holdExpiresAt: booking.holdExpiresAt.toISOString(),
  };
}

export function toWaitlistEntryDto(
  entry: EntryWithSlot,
  position: number | null,
  timeZone: string,
): WaitlistEntryDto {
  const { slot } = entry;
  return {
    id: entry.id,
    status: entry.status,
    devoteeName: entry.devoteeName,
    persons: entry.persons,
    language: entry.language,
    position,
    slot: {
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      date: templeDateOf(slot.startsAt, timeZone),
      time: templeTimeOf(slot.startsAt, timeZone),
    },
    seva: {
      id: slot.seva.id,
      name: {
        en: slot.seva.nameEn,
        kn: slot.seva.nameKn,
        hi: slot.seva.nameHi,
        te: slot.seva.nameTe,
      },
    },
    offer: offerOf(entry),
    bookingReference: entry.status === 'booked' ? (entry.offer?.reference ?? null) : null,
  };
}

export function toAdminWaitlistEntryDto(
  entry: EntryWithSlot,
  position: number | null,
): AdminWaitlistEntry {
  return {
    id: entry.id,
    status: entry.status,
    devoteeName: entry.devoteeName,
    phone: entry.phone,
    email: entry.email,
    persons: entry.persons,
    language: entry.language,
    position,
    offersMade: entry.offersMade,
    offer: offerOf(entry),
    createdAt: entry.createdAt.toISOString(),
  };
}
