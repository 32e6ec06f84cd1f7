import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema, templeDateOf, templeTimeOf } from '@sevabook/shared';
import { BOOKING_ROLES, authorize } from '../../auth/authorize.ts';
import type { AuditEntry } from '../../generated/prisma/client.ts';
import { authProblems, staffSecurity } from '../security.ts';

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toAuditDto(entry: AuditEntry) {
  return {
    id: entry.id,
    bookingId: entry.bookingId,
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actor: { type: entry.actorType, id: entry.actorId, label: entry.actorLabel },
    before: parseJson(entry.before),
    after: parseJson(entry.after),
    createdAt: entry.createdAt.toISOString(),
  };
}

/** The slot ids a booking entry's states name (slotId before and after a move). */
function slotIdsOf(entries: { before: unknown; after: unknown }[]): number[] {
  const ids = new Set<number>();
  for (const entry of entries) {
    for (const state of [entry.before, entry.after]) {
      const slotId = (state as { slotId?: unknown } | null)?.slotId;
      if (typeof slotId === 'number') ids.add(slotId);
    }
  }
  return [...ids];
}

/** Who did what, when, with the state before and after: staff and admins. */
const adminAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: BOOKING_ROLES, write: [] }));

  app.get(
    '/audit',
    {
      schema: {
        tags: ['admin: audit'],
        summary: 'Audit entries, newest first; filter by booking or by entity',
        security: staffSecurity,
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...authProblems },
      },
    },
    async (request) => {
      const { bookingId, entityType, entityId, page, pageSize } = request.query;
      const where = {
        ...(bookingId ? { bookingId } : {}),
        ...(entityType ? { entityType } : {}),
        ...(entityId ? { entityId } : {}),
      };
      const [rows, total] = await Promise.all([
        app.db.auditEntry.findMany({
          where,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * pageSize,
          take: pageSize,
        }),
        app.db.auditEntry.count({ where }),
      ]);
      // A staff member is named as colleagues know them ("by Lakshmi"), not by sign-in email.
      const staffIds = [
        ...new Set(rows.filter((r) => r.actorType === 'staff' && r.actorId).map((r) => r.actorId!)),
      ];
      const names = new Map(
        (
          await app.db.staffUser.findMany({
            where: { id: { in: staffIds } },
            select: { id: true, name: true },
          })
        ).map((u) => [u.id, u.name]),
      );
      const items = rows.map((row) => {
        const dto = toAuditDto(row);
        const name = row.actorType === 'staff' && row.actorId ? names.get(row.actorId) : undefined;
        return name ? { ...dto, actor: { ...dto.actor, label: name } } : dto;
      });
      // Staff read "moved from 7:00 to 8:30", not slot numbers: the slots come with the page.
      const tz = app.config.templeTimeZone;
      const slots = await app.db.slot.findMany({
        where: { id: { in: slotIdsOf(items) } },
        include: { seva: { select: { nameEn: true, nameKn: true } } },
      });
      return {
        items,
        slots: slots.map((s) => ({
          id: s.id,
          date: templeDateOf(s.startsAt, tz),
          time: templeTimeOf(s.startsAt, tz),
          sevaName: { en: s.seva.nameEn, kn: s.seva.nameKn },
        })),
        total,
        page,
        pageSize,
      };
    },
  );
};

export default adminAuditRoutes;
