import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One fresh, migrated database for the whole run (test/global-setup.ts); every test file
    // shares it, so tests make their own rows (test/factories.ts) and never assume an empty table.
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup-file.ts'],
    // Every instant is UTC in the database whatever the server's zone (DESIGN.md, Time): the
    // suite runs, and the processes it starts run, where local time is not UTC, as on most
    // Indian servers. Set TZ to run it under another zone.
    env: { TZ: process.env.TZ || 'Asia/Kolkata' },
    // Each test file in its own child process, as the API runs in production: native addons
    // (@node-rs/argon2) and the Prisma client's process-wide state stay per file.
    pool: 'forks',
    // Generous: concurrency tests fire many bookings at one slot through a real database.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
