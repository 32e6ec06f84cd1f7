import {
  addDaysToDate,
  dateColumnValue,
  dateOfDateColumn,
  startOfTempleDay,
  type ClosedDate as ClosedDateDto,
  type CreateClosedDate,
} from '@sevabook/shared';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { ClosedDate } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../../audit/audit-log.ts';
import { withDeadlockRetry } from '../../db/db-errors.ts';
import { cancelBookingsOfSlot } from '../slots/slot-cancellation.ts';

export function toClosedDateDto(row: ClosedDate): ClosedDateDto {
  return { id: row.id, sevaId: row.sevaId, date: dateOfDateColumn(row.date), reason: row.reason };
}

/**
 * Closes a date for one seva or the whole temple. Materialisation makes no new slots on it;
 * slots already made for that date are cancelled, and their bookings with them (one message
 * each), in the same transaction.
 */
export async function createClosedDate(
  db: Db,
  input: CreateClosedDate,
  actor: Actor,
  timeZone: string,
  now: Date = new Date(),
) {
  return withDeadlockRetry(() =>
    db.$transaction(
      async (tx) => {
        if (input.sevaId !== null && !(await tx.seva.findUnique({ where: { id: input.sevaId } }))) {
          throw notFound(`There is no seva ${input.sevaId}.`);
        }
        const closedDate = await tx.closedDate.create({
          data: { sevaId: input.sevaId, date: dateColumnValue(input.date), reason: input.reason },
        });
        const slots = await tx.slot.findMany({
          where: {
            startsAt: {
              gte: startOfTempleDay(input.date, timeZone),
              lt: startOfTempleDay(addDaysToDate(input.date, 1), timeZone),
            },
            status: { not: 'cancelled' },
            ...(input.sevaId !== null ? { sevaId: input.sevaId } : {}),
          },
          orderBy: { id: 'asc' },
        });
        let bookingsCancelled = 0;
        for (const slot of slots) {
          await tx.$queryRaw`SELECT id FROM slot WHERE id = ${slot.id} FOR UPDATE`;
          bookingsCancelled += await cancelBookingsOfSlot(tx, slot.id, actor, input.reason, now);
          await tx.slot.update({ where: { id: slot.id }, data: { status: 'cancelled' } });
        }
        await recordAudit(tx, {
          entityType: 'closed_date',
          entityId: closedDate.id,
          action: 'closed_date.created',
          actor,
          after: {
            ...toClosedDateDto(closedDate),
            slotsCancelled: slots.length,
            bookingsCancelled,
          },
        });
        return {
          closedDate: toClosedDateDto(closedDate),
          slotsCancelled: slots.length,
          bookingsCancelled,
        };
      },
      { isolationLevel: 'ReadCommitted', timeout: 60_000, maxWait: 15_000 },
    ),
  );
}

/** Reopens a closed date for future materialisation; slots cancelled by it stay cancelled. */
export async function deleteClosedDate(db: Db, id: number, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.closedDate.findUnique({ where: { id } });
    if (!row) throw notFound(`There is no closed date ${id}.`);
    await tx.closedDate.delete({ where: { id } });
    await recordAudit(tx, {
      entityType: 'closed_date',
      entityId: id,
      action: 'closed_date.deleted',
      actor,
      before: toClosedDateDto(row),
    });
  });
}
