import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { addDaysToDate, dateColumnValue, templeDateOf } from '@sevabook/shared';
import type { Config } from '../config.ts';
import { materialiseSlots } from '../slots/materialise.ts';
import type { Db } from './client.ts';
import { isUniqueViolation } from './db-errors.ts';
import { demoFestival, demoSevas, type DemoSchedule } from './seed-data.ts';

type Log = (message: string) => void;

export interface SeedResult {
  /** False when the database already had sevas and nothing was added. */
  seeded: boolean;
  sevas: number;
  slots: number;
}

/**
 * Fills an empty temple with the demo Mutt (seed-data.ts) and makes its slots for the coming
 * days. Does nothing when any seva exists: a temple's own data is never mixed with the demo.
 */
export async function seedDemoData(
  db: Db,
  config: Pick<Config, 'templeTimeZone' | 'slotHorizonDays'>,
  log: Log,
): Promise<SeedResult> {
  if ((await db.seva.count()) > 0) {
    log('The database already has sevas; no demo data added.');
    return { seeded: false, sevas: 0, slots: 0 };
  }

  const today = templeDateOf(new Date(), config.templeTimeZone);
  try {
    await db.$transaction(async (tx) => {
      for (const { schedules, ...seva } of demoSevas) {
        await tx.seva.create({
          data: { ...seva, schedules: { create: schedules.map((s) => scheduleRow(s, today)) } },
        });
      }
      await tx.closedDate.create({
        data: {
          sevaId: null,
          date: dateColumnValue(addDaysToDate(today, demoFestival.daysFromToday)),
          reason: demoFestival.reason,
        },
      });
    });
  } catch (error) {
    // Two processes started on one empty database at once: the other one seeded it.
    if (isUniqueViolation(error)) {
      log('Another process seeded the database at the same time; no demo data added.');
      return { seeded: false, sevas: 0, slots: 0 };
    }
    throw error;
  }

  const slots = await materialiseSlots(db, {
    timeZone: config.templeTimeZone,
    horizonDays: config.slotHorizonDays,
    today,
  });
  log(`Demo data added: ${demoSevas.length} sevas and ${slots} slots.`);
  return { seeded: true, sevas: demoSevas.length, slots };
}

function scheduleRow(schedule: DemoSchedule, today: string) {
  return {
    weekdays: schedule.weekdays,
    times: schedule.times,
    capacity: schedule.capacity ?? null,
    validFrom: dateColumnValue(today),
    validUntil: schedule.runsForDays
      ? dateColumnValue(addDaysToDate(today, schedule.runsForDays - 1))
      : null,
  };
}

export interface FirstAdmin {
  email: string;
  password: string;
  /** True when no ADMIN_PASSWORD was configured and this one was made up: show it once. */
  passwordGenerated: boolean;
}

/**
 * Makes the first admin account when there is no staff user at all, so a fresh install can
 * be logged into. Returns its credentials (for the start command to print), or null when
 * staff users exist already.
 */
export async function ensureFirstAdmin(
  db: Db,
  config: Pick<Config, 'adminEmail' | 'adminPassword'>,
  log: Log,
): Promise<FirstAdmin | null> {
  if ((await db.staffUser.count()) > 0) return null;

  const passwordGenerated = !config.adminPassword;
  // 18 random bytes: 24 URL-safe characters, 144 bits.
  const password = config.adminPassword ?? randomBytes(18).toString('base64url');
  // NOTE: @node-rs/argon2 hashes with argon2id unless told otherwise (its Algorithm enum is a
  // `const enum`, which isolated modules cannot import). m = 19 MiB, t = 2, p = 1 as OWASP advises.
  const passwordHash = await hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  try {
    await db.staffUser.create({
      data: { email: config.adminEmail, name: 'Administrator', role: 'admin', passwordHash },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }

  // NOTE: the password never goes to the log (log lines are kept and copied); the caller prints
  // a generated one on the terminal, once (server.ts, seed-cli.ts).
  log(
    `First admin account created: ${config.adminEmail} (password ${passwordGenerated ? 'generated, shown on the terminal once' : 'from ADMIN_PASSWORD'})`,
  );
  return { email: config.adminEmail, password, passwordGenerated };
}
