import {
  templeDateOf,
  templeDateTimeToUtc,
  templeTimeOf,
  type AdminSlot,
  type CreateSlot,
  type UpdateSlot,
} from '@sevabook/shared';
import type { Db } from '../../db/client.ts';
import { isCheckViolation, isUniqueViolation, withDeadlockRetry } from '../../db/db-errors.ts';
import { conflict, notFound } from '../../errors.ts';
import type { Slot } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../../audit/audit-log.ts';
import { cancelBookingsOfSlot } from './slot-cancellation.ts';
import { offerFreedPlaces } from '../../waitlist/offer-places.ts';

export function toAdminSlotDto(slot: Slot, timeZone: string): AdminSlot {
  return {
    id: slot.id,
    sevaId: slot.sevaId,
    scheduleId: slot.scheduleId,
    startsAt: slot.startsAt.toISOString(),
    date: templeDateOf(slot.startsAt, timeZone),
    time: templeTimeOf(slot.startsAt, timeZone),
    capacity: slot.capacity,
    booked: slot.booked,
    status: slot.status,
    note: slot.note,
  };
}

const slotView = (s: Slot) => ({
  capacity: s.capacity,
  booked: s.booked,
  status: s.status,
  note: s.note,
});

/** An extra one-off slot, outside any schedule. */
export async function createExtraSlot(
  db: Db,
  input: CreateSlot,
  actor: Actor,
  timeZone: string,
): Promise<Slot> {
  try {
    return await db.$transaction(async (tx) => {
      const seva = await tx.seva.findUnique({ where: { id: input.sevaId } });
      if (!seva) throw notFound(`There is no seva ${input.sevaId}.`);
      const slot = await tx.slot.create({
        data: {
          sevaId: seva.id,
          startsAt: templeDateTimeToUtc(input.date, input.time, timeZone),
          capacity: input.capacity ?? seva.defaultCapacity,
          note: input.note ?? null,
        },
      });
      await recordAudit(tx, {
        entityType: 'slot',
        entityId: slot.id,
        action: 'slot.created',
        actor,
        after: slotView(slot),
      });
      return slot;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(
        'conflict',
        'Slot exists',
        `${input.date} ${input.time} already has a slot of this seva.`,
      );
    }
    throw error;
  }
}

const belowBooked = (booked: number) =>
  conflict(
    'capacity_below_booked',
    'Capacity below places booked',
    `${booked} ${booked === 1 ? 'place is' : 'places are'} already booked; move or cancel bookings before lowering the capacity below that.`,
  );

/**
 * Changes a slot's capacity, note or status. Lowering capacity below the places booked is
 * refused (the conditional UPDATE here, and the CHECK on slot behind it). Closing or cancelling
 * a slot cancels its bookings and queues one message each, all in one transaction.
 */
export async function updateSlot(
  db: Db,
  id: number,
  input: UpdateSlot,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ slot: Slot; bookingsCancelled: number }> {
  try {
    return await withDeadlockRetry(() =>
      db.$transaction(
        async (tx) => {
          const locked = await tx.$queryRaw<
            { id: number }[]
          >`SELECT id FROM slot WHERE id = ${id} FOR UPDATE`;
          if (locked.length === 0) throw notFound(`There is no slot ${id}.`);
          const before = await tx.slot.findUniqueOrThrow({ where: { id } });

          let bookingsCancelled = 0;
          if (input.status && input.status !== 'open' && before.status === 'open') {
            const reason =
              input.reason ??
              (input.status === 'cancelled'
                ? 'The temple cancelled this seva.'
                : 'The temple closed this slot.');
            bookingsCancelled = await cancelBookingsOfSlot(tx, id, actor, reason, now);
          }
          if (input.capacity !== undefined) {
            // Raw: a conditional UPDATE says "only if it still fits" in one statement.
            const changed = await tx.$executeRaw`
              UPDATE slot SET capacity = ${input.capacity} WHERE id = ${id} AND booked <= ${input.capacity}`;
            if (changed === 0) {
              const current = await tx.slot.findUniqueOrThrow({ where: { id } });
              throw belowBooked(current.booked);
            }
          }
          let slot = await tx.slot.update({
            where: { id },
            data: {
              ...(input.status ? { status: input.status } : {}),
              ...(input.note !== undefined ? { note: input.note } : {}),
            },
          });
          // Places added or a slot reopened: offered at once to its waiting list, in this
          // transaction, before any new booking can take them.
          if (slot.status === 'open' && slot.booked < slot.capacity) {
            const offered = await offerFreedPlaces(tx, id, now, { actor });
            if (offered.length > 0) slot = await tx.slot.findUniqueOrThrow({ where: { id } });
          }
          await recordAudit(tx, {
            entityType: 'slot',
            entityId: id,
            action:
              input.status && input.status !== before.status
                ? `slot.${input.status === 'open' ? 'reopened' : input.status}`
                : 'slot.updated',
            actor,
            before: slotView(before),
            after: { ...slotView(slot), bookingsCancelled },
          });
          return { slot, bookingsCancelled };
        },
        { isolationLevel: 'ReadCommitted', timeout: 30_000, maxWait: 15_000 },
      ),
    );
  } catch (error) {
    if (isCheckViolation(error, 'slot_booked_within_capacity')) {
      const slot = await db.slot.findUnique({ where: { id } });
      throw belowBooked(slot?.booked ?? 0);
    }
    throw error;
  }
}
