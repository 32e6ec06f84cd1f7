import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../db/client.ts';
import type { ApiKey } from '../generated/prisma/client.ts';

/** Every key starts with this, so it is told apart from a JWT and recognised by secret scanners. */
export const API_KEY_PREFIX = 'sbk_';
/** How many leading characters are kept in clear, for people to tell keys apart in lists. */
const SHOWN_PREFIX_LENGTH = 12;
/** lastUsedAt is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function newApiKeySecret(): { key: string; prefix: string; keyHash: string } {
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The live key this secret belongs to, or null; records when it was last used. */
export async function findLiveApiKey(db: Tx, key: string, now: Date): Promise<ApiKey | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const found = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
  if (!found || found.revokedAt) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return found;
}
