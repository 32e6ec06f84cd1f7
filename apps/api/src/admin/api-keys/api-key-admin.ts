import type { ApiKey as ApiKeyDto, CreateApiKey } from '@sevabook/shared';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { ApiKey } from '../../generated/prisma/client.ts';
import { recordAudit, type Actor } from '../../audit/audit-log.ts';
import { newApiKeySecret } from '../../auth/api-key-secrets.ts';

export function toApiKeyDto(key: ApiKey): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    prefix: key.prefix,
    overrideBookingLimits: key.overrideBookingLimits,
    createdById: key.createdById,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}

/**
 * A new key for a third party: the secret is returned once and only its SHA-256 is kept. Whether
 * it may override the booking limits is decided here, once, and recorded in the audit entry.
 */
export async function createApiKey(db: Db, input: CreateApiKey, createdById: number, actor: Actor) {
  const secret = newApiKeySecret();
  return db.$transaction(async (tx) => {
    const apiKey = await tx.apiKey.create({
      data: {
        name: input.name,
        role: input.role,
        prefix: secret.prefix,
        keyHash: secret.keyHash,
        overrideBookingLimits: input.overrideBookingLimits,
        createdById,
      },
    });
    await recordAudit(tx, {
      entityType: 'api_key',
      entityId: apiKey.id,
      action: 'api_key.created',
      actor,
      after: toApiKeyDto(apiKey),
    });
    return { apiKey, key: secret.key };
  });
}

/** Revokes a key at once; revoking twice is harmless. */
export async function revokeApiKey(
  db: Db,
  id: number,
  actor: Actor,
  now = new Date(),
): Promise<ApiKey> {
  return db.$transaction(async (tx) => {
    const found = await tx.apiKey.findUnique({ where: { id } });
    if (!found) throw notFound(`There is no API key ${id}.`);
    if (found.revokedAt) return found;
    const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: now } });
    await recordAudit(tx, {
      entityType: 'api_key',
      entityId: id,
      action: 'api_key.revoked',
      actor,
      before: toApiKeyDto(found),
      after: toApiKeyDto(revoked),
    });
    return revoked;
  });
}
