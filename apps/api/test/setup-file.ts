import { afterAll } from 'vitest';
import { closeTestConnections } from './db.ts';

// Runs in every test file: close the file's Prisma client and raw pool so the process can exit.
afterAll(async () => {
  await closeTestConnections();
});
