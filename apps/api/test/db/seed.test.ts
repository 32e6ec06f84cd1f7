import { verify } from '@node-rs/argon2';
import { dateOfDateColumn, templeDateOf } from '@sevabook/shared';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/client.ts';
import { ensureFirstAdmin, seedDemoData } from '../../src/db/seed.ts';
import { createScratchDatabase, scratchDbForSuite } from '../db.ts';

// Seeding is defined on an empty temple, so these tests have a database of their own.
const scratch = scratchDbForSuite();
const config = loadConfig({ NODE_ENV: 'test' }, { slotHorizonDays: 21, adminPassword: undefined });
const quiet = () => {};

describe('seedDemoData', () => {
  it('fills an empty temple with the demo Mutt and its slots, and adds nothing the second time', async () => {
    const first = await seedDemoData(scratch.db, config, quiet);

    expect(first.seeded).toBe(true);
    const sevas = await scratch.db.seva.findMany({
      include: { schedules: true },
      orderBy: { sortOrder: 'asc' },
    });
    expect(sevas.map((s) => [s.slug, s.nameKn])).toEqual(
      expect.arrayContaining([
        ['archana', 'ಅರ್ಚನೆ'],
        ['panchamrutha-abhisheka', 'ಪಂಚಾಮೃತ ಅಭಿಷೇಕ'],
        ['kanakabhisheka', 'ಕನಕಾಭಿಷೇಕ'],
        ['rathotsava', 'ರಥೋತ್ಸವ'],
        ['annadana-seva', 'ಅನ್ನದಾನ ಸೇವೆ'],
        ['sarva-seva', 'ಸರ್ವ ಸೇವೆ'],
      ]),
    );
    expect(first.sevas).toBe(sevas.length);
    for (const seva of sevas) {
      expect(seva.descriptionEn.length, seva.slug).toBeGreaterThan(20);
      expect(seva.descriptionKn, seva.slug).toMatch(/[\u0C80-\u0CFF]/);
      expect(seva.defaultCapacity).toBeGreaterThanOrEqual(1);
      expect(seva.defaultCapacity).toBeLessThanOrEqual(200);
      expect(seva.schedules.length, seva.slug).toBeGreaterThan(0);
    }
    expect(sevas.some((s) => s.feePaise === 0)).toBe(true);
    expect(sevas.some((s) => s.defaultCapacity === 1)).toBe(true);
    expect(sevas.some((s) => s.schedules.some((d) => d.weekdays.length === 1))).toBe(true);

    const slots = await scratch.db.slot.findMany();
    expect(first.slots).toBe(slots.length);
    expect(slots.length).toBeGreaterThan(100);

    // One festival day, within the next weeks, closes the whole temple: no slot on it.
    const closed = await scratch.db.closedDate.findMany();
    expect(closed).toHaveLength(1);
    expect(closed[0]!.sevaId).toBeNull();
    const festival = dateOfDateColumn(closed[0]!.date);
    expect(festival > templeDateOf(new Date(), config.templeTimeZone)).toBe(true);
    expect(
      slots.filter((s) => templeDateOf(s.startsAt, config.templeTimeZone) === festival),
    ).toEqual([]);

    const again = await seedDemoData(scratch.db, config, quiet);

    expect(again).toEqual({ seeded: false, sevas: 0, slots: 0 });
    expect(await scratch.db.seva.count()).toBe(sevas.length);
    expect(await scratch.db.slot.count()).toBe(slots.length);
    expect(await scratch.db.closedDate.count()).toBe(1);
  });
});

describe('ensureFirstAdmin', () => {
  it('creates one admin with a generated password hashed with argon2id, once, and keeps the password out of the log', async () => {
    const messages: string[] = [];

    const admin = await ensureFirstAdmin(scratch.db, config, (m) => messages.push(m));

    expect(admin).toMatchObject({ email: config.adminEmail, passwordGenerated: true });
    expect(admin!.password.length).toBeGreaterThanOrEqual(20);
    // Returned for the start command to print on the terminal; never a log line.
    expect(messages.join('\n')).toContain(config.adminEmail);
    expect(messages.join('\n')).not.toContain(admin!.password);
    const [user, ...others] = await scratch.db.staffUser.findMany();
    expect(others).toEqual([]);
    expect(user).toMatchObject({ email: config.adminEmail, role: 'admin', active: true });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.passwordHash).not.toContain(admin!.password);
    expect(await verify(user!.passwordHash, admin!.password)).toBe(true);

    expect(
      await ensureFirstAdmin(scratch.db, { ...config, adminEmail: 'second@sevabook.local' }, quiet),
    ).toBeNull();
    expect(await scratch.db.staffUser.count()).toBe(1);
  });

  it('uses ADMIN_PASSWORD when one is configured, and does not print it', async () => {
    const own = await createScratchDatabase();
    const ownDb = createDb(own.url, 2);
    try {
      const messages: string[] = [];
      const password = 'Govinda-Govinda-1234';

      const admin = await ensureFirstAdmin(ownDb, { ...config, adminPassword: password }, (m) =>
        messages.push(m),
      );

      expect(admin).toEqual({ email: config.adminEmail, password, passwordGenerated: false });
      expect(messages.join('\n')).not.toContain(password);
      const user = await ownDb.staffUser.findFirstOrThrow();
      expect(await verify(user.passwordHash, password)).toBe(true);
    } finally {
      await ownDb.$disconnect();
      await own.drop();
    }
  });
});
