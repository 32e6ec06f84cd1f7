import type { AdminSeva, CreateSeva, UpdateSeva } from '@sevabook/shared';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/db-errors.ts';
import { conflict, notFound } from '../../errors.ts';
import type { Prisma, Seva } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../../audit/audit-log.ts';
import { toSevaDto } from '../../sevas/seva-dto.ts';

/** The public shape of a seva, plus what only staff see. */
export function toAdminSevaDto(seva: Seva): AdminSeva {
  const { nextOpenDates: _notForStaff, ...common } = toSevaDto(seva, []);
  return {
    ...common,
    sortOrder: seva.sortOrder,
    paymentMode: seva.paymentMode,
    refundFullHoursBefore: seva.refundFullHoursBefore,
    updatedAt: seva.updatedAt.toISOString(),
  };
}

/** The API's shape of a seva, as columns. Only what is given is written. */
function sevaColumns(input: UpdateSeva): Prisma.SevaUncheckedUpdateInput {
  const { name, description, asks, bringNote, ...plain } = input;
  return {
    ...plain,
    ...(bringNote !== undefined
      ? { bringNoteEn: bringNote?.en ?? null, bringNoteKn: bringNote?.kn ?? null }
      : {}),
    ...(name
      ? { nameEn: name.en, nameKn: name.kn, nameHi: name.hi ?? null, nameTe: name.te ?? null }
      : {}),
    ...(description
      ? {
          descriptionEn: description.en,
          descriptionKn: description.kn,
          descriptionHi: description.hi ?? null,
          descriptionTe: description.te ?? null,
        }
      : {}),
    ...(asks
      ? { asksGotra: asks.gotra, asksNakshatra: asks.nakshatra, asksRashi: asks.rashi }
      : {}),
  };
}

const slugTaken = (slug: string) =>
  conflict('conflict', 'Slug taken', `Another seva already uses the slug "${slug}".`);

export async function createSeva(db: Db, input: CreateSeva, actor: Actor): Promise<Seva> {
  try {
    return await db.$transaction(async (tx) => {
      const seva = await tx.seva.create({
        data: sevaColumns(input) as Prisma.SevaUncheckedCreateInput,
      });
      await recordAudit(tx, {
        entityType: 'seva',
        entityId: seva.id,
        action: 'seva.created',
        actor,
        after: toAdminSevaDto(seva),
      });
      return seva;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'slug')) throw slugTaken(input.slug);
    throw error;
  }
}

export async function updateSeva(
  db: Db,
  id: number,
  input: UpdateSeva,
  actor: Actor,
): Promise<Seva> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.seva.findUnique({ where: { id } });
      if (!before) throw notFound(`There is no seva ${id}.`);
      const seva = await tx.seva.update({ where: { id }, data: sevaColumns(input) });
      await recordAudit(tx, {
        entityType: 'seva',
        entityId: id,
        action: 'seva.updated',
        actor,
        before: toAdminSevaDto(before),
        after: toAdminSevaDto(seva),
      });
      return seva;
    });
  } catch (error) {
    if (input.slug && isUniqueViolation(error, 'slug')) throw slugTaken(input.slug);
    throw error;
  }
}
