import { DEFAULT_TEMPLE_SETTINGS, type TempleSettings } from '@sevabook/shared';
import type { Actor } from '../../audit/audit-log.ts';
import type { Tx } from '../../db/client.ts';
import { executeIn, insertAuditEntries } from '../../db/event-rows.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';

/** Each setting's row name in temple_setting. */
const NAMES: Record<keyof TempleSettings, string> = {
  noShowLimit: 'no_show_limit',
  noShowWindowDays: 'no_show_window_days',
};

/** The settings as stored; a setting never saved (or unreadable) has its default. */
export async function readTempleSettings(db: Tx): Promise<TempleSettings> {
  const rows = await db.templeSetting.findMany({ where: { name: { in: Object.values(NAMES) } } });
  const settings = { ...DEFAULT_TEMPLE_SETTINGS };
  for (const key of Object.keys(NAMES) as (keyof TempleSettings)[]) {
    const value = Number(rows.find((r) => r.name === NAMES[key])?.value);
    if (Number.isInteger(value) && value >= 0) settings[key] = value;
  }
  return settings;
}

/** Saves every setting and an audit entry of the change, in one transaction. */
export async function saveTempleSettings(
  prisma: PrismaClient,
  next: TempleSettings,
  by: { actor: Actor; staffId: number | null },
): Promise<TempleSettings> {
  await prisma.$transaction(async (tx) => {
    const before = await readTempleSettings(tx);
    for (const key of Object.keys(NAMES) as (keyof TempleSettings)[]) {
      const name = NAMES[key];
      const value = String(next[key]);
      await tx.templeSetting.upsert({
        where: { name },
        create: { name, value, updatedByStaffId: by.staffId },
        update: { value, updatedByStaffId: by.staffId },
      });
    }
    await executeIn(
      tx,
      insertAuditEntries([
        {
          entityType: 'temple_setting',
          entityId: 0,
          bookingId: null,
          action: 'settings.changed',
          actorType: by.actor.type,
          actorId: by.actor.id ?? null,
          actorLabel: by.actor.label,
          before: JSON.stringify(before),
          after: JSON.stringify(next),
          at: new Date(),
        },
      ]),
    );
  });
  settingsCacheOf(prisma).forget();
  return next;
}

/**
 * The settings as read a moment ago. The devotee booking path asks on every booking, and the
 * settings change perhaps once a month: a read at most every CACHE_MS per process, and at once
 * in the process that saved a change. Other processes follow within CACHE_MS.
 */
export class TempleSettingsCache {
  static readonly CACHE_MS = 30_000;
  private held: { settings: TempleSettings; readAt: number } | undefined;
  private reading: Promise<TempleSettings> | undefined;

  constructor(
    private readonly db: Tx,
    private readonly clock: () => number = Date.now,
  ) {}

  async current(): Promise<TempleSettings> {
    const held = this.held;
    if (held && this.clock() - held.readAt < TempleSettingsCache.CACHE_MS) return held.settings;
    // One read for all the bookings that ask meanwhile.
    this.reading ??= readTempleSettings(this.db)
      .then((settings) => {
        this.held = { settings, readAt: this.clock() };
        return settings;
      })
      .finally(() => {
        this.reading = undefined;
      });
    return this.reading;
  }

  forget(): void {
    this.held = undefined;
  }
}

// NOTE: one cache per Prisma client (per database), so apps and tests on different databases
// in one process never see each other's settings.
const caches = new WeakMap<object, TempleSettingsCache>();

export function settingsCacheOf(db: Tx): TempleSettingsCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new TempleSettingsCache(db);
    caches.set(db, cache);
  }
  return cache;
}
