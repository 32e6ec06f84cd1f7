import type { StaffRole } from '../generated/prisma/client.ts';
import type { Actor } from '../audit/audit-log.ts';

/** Who is calling an authenticated route: a signed-in staff user or a third party's API key. */
export type Principal =
  | {
      kind: 'staff';
      id: number;
      email: string;
      role: StaffRole;
      mustChangePassword: boolean;
      actor: Actor;
    }
  | { kind: 'api_key'; id: number; name: string; role: StaffRole; actor: Actor };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authorize hook on every route behind it. */
    principal: Principal | null;
  }
}

export function staffActor(user: { id: number; email: string }): Actor {
  return { type: 'staff', id: user.id, label: user.email };
}

export function apiKeyActor(key: { id: number; name: string }): Actor {
  return { type: 'api_key', id: key.id, label: `api key: ${key.name}` };
}

/** The booking columns that say who made a booking. */
export function creatorOf(principal: Principal): { createdByStaffId?: number; apiKeyId?: number } {
  return principal.kind === 'staff'
    ? { createdByStaffId: principal.id }
    : { apiKeyId: principal.id };
}
