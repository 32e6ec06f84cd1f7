import {
  dateColumnValue,
  dateOfDateColumn,
  parseTimeList,
  parseWeekdayList,
  type AdminSchedule,
  type CreateSchedule,
  type ScheduleChange,
  type UpdateSchedule,
} from '@sevabook/shared';
import type { Db, Tx } from '../../db/client.ts';
import { notFound, validationFailed } from '../../errors.ts';
import type { Prisma, Schedule } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../../audit/audit-log.ts';
import { materialiseSlots } from '../../slots/materialise.ts';

export interface SlotHorizon {
  timeZone: string;
  horizonDays: number;
  now?: Date;
}

export function toAdminScheduleDto(schedule: Schedule): AdminSchedule {
  return {
    id: schedule.id,
    sevaId: schedule.sevaId,
    weekdays: parseWeekdayList(schedule.weekdays),
    times: parseTimeList(schedule.times),
    capacity: schedule.capacity,
    validFrom: dateOfDateColumn(schedule.validFrom),
    validUntil: schedule.validUntil ? dateOfDateColumn(schedule.validUntil) : null,
    active: schedule.active,
  };
}

function scheduleColumns(input: UpdateSchedule): Prisma.ScheduleUncheckedUpdateInput {
  return {
    ...(input.weekdays ? { weekdays: [...new Set(input.weekdays)].sort().join(',') } : {}),
    ...(input.times ? { times: [...new Set(input.times)].sort().join(',') } : {}),
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    ...(input.validFrom ? { validFrom: dateColumnValue(input.validFrom) } : {}),
    ...(input.validUntil !== undefined
      ? { validUntil: input.validUntil ? dateColumnValue(input.validUntil) : null }
      : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  };
}

export async function createSchedule(
  db: Db,
  sevaId: number,
  input: CreateSchedule,
  actor: Actor,
  horizon: SlotHorizon,
): Promise<ScheduleChange> {
  return db.$transaction(
    async (tx) => {
      const seva = await tx.seva.findUnique({ where: { id: sevaId } });
      if (!seva) throw notFound(`There is no seva ${sevaId}.`);
      const schedule = await tx.schedule.create({
        data: {
          sevaId,
          ...(scheduleColumns(input) as Omit<Prisma.ScheduleUncheckedCreateInput, 'sevaId'>),
        },
      });
      await recordAudit(tx, {
        entityType: 'schedule',
        entityId: schedule.id,
        action: 'schedule.created',
        actor,
        after: toAdminScheduleDto(schedule),
      });
      const created = await materialiseSlots(tx, {
        timeZone: horizon.timeZone,
        horizonDays: horizon.horizonDays,
        sevaId,
      });
      return {
        schedule: toAdminScheduleDto(schedule),
        slots: { removed: 0, created, keptWithBookings: 0 },
      };
    },
    { timeout: 30_000 },
  );
}

/**
 * Changes a schedule and re-makes its future slots: open future slots of this schedule that
 * nobody has booked are removed and the schedule is materialised again. A slot with any
 * booking (even a cancelled one) is never touched, nor one staff closed by hand.
 */
export async function updateSchedule(
  db: Db,
  id: number,
  input: UpdateSchedule,
  actor: Actor,
  horizon: SlotHorizon,
): Promise<ScheduleChange> {
  const now = horizon.now ?? new Date();
  return db.$transaction(
    async (tx) => {
      const before = await tx.schedule.findUnique({ where: { id } });
      if (!before) throw notFound(`There is no schedule ${id}.`);
      const merged = { ...toAdminScheduleDto(before), ...input };
      if (merged.validUntil && merged.validUntil < merged.validFrom) {
        throw validationFailed([
          { path: 'body.validUntil', message: '`validUntil` must not be before `validFrom`' },
        ]);
      }
      const schedule = await tx.schedule.update({ where: { id }, data: scheduleColumns(input) });
      const removed = await removeUnbookedFutureSlots(tx, id, now);
      const created = await materialiseSlots(tx, {
        timeZone: horizon.timeZone,
        horizonDays: horizon.horizonDays,
        sevaId: schedule.sevaId,
      });
      const keptWithBookings = await tx.slot.count({
        where: { scheduleId: id, startsAt: { gt: now }, bookings: { some: {} } },
      });
      await recordAudit(tx, {
        entityType: 'schedule',
        entityId: id,
        action: 'schedule.updated',
        actor,
        before: toAdminScheduleDto(before),
        after: { ...toAdminScheduleDto(schedule), slotsRemoved: removed, slotsCreated: created },
      });
      return {
        schedule: toAdminScheduleDto(schedule),
        slots: { removed, created, keptWithBookings },
      };
    },
    { timeout: 30_000 },
  );
}

async function removeUnbookedFutureSlots(tx: Tx, scheduleId: number, now: Date): Promise<number> {
  // booked = 0 is re-checked on the locked row, so a booking committed meanwhile keeps its
  // slot; `bookings: none` keeps slots whose only bookings were cancelled (the FK needs them).
  const { count } = await tx.slot.deleteMany({
    where: { scheduleId, startsAt: { gt: now }, status: 'open', booked: 0, bookings: { none: {} } },
  });
  return count;
}
