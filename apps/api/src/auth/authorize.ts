import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.ts';
import type { StaffRole } from '../generated/prisma/client.ts';
import type { Principal } from './principal.ts';

export interface AccessRule {
  /** Roles that may read (GET, HEAD). */
  read: readonly StaffRole[];
  /** Roles that may change things (every other method). */
  write: readonly StaffRole[];
  /** Only signed-in staff, never an API key (staff accounts, API keys themselves). */
  staffOnly?: boolean;
}

export const forbidden = (detail: string) => new AppError(403, 'forbidden', 'Not allowed', detail);

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * The hook a route group registers: authenticates the request (401 without a valid token or
 * key) and checks its role against the group's rule (403). It runs on `onRequest`, before the
 * body is validated, so an unauthenticated caller learns nothing from validation errors.
 */
export function authorize(rule: AccessRule): onRequestAsyncHookHandler {
  return async function checkAccess(request: FastifyRequest) {
    const principal: Principal = request.principal ?? (await request.server.authenticate(request));
    if (rule.staffOnly && principal.kind !== 'staff') {
      throw forbidden('Only signed-in staff may do this, not an API key.');
    }
    if (principal.kind === 'staff' && principal.mustChangePassword) {
      throw new AppError(
        403,
        'password_change_required',
        'Password change required',
        'Choose a new password first (POST /api/v1/auth/password).',
      );
    }
    const allowed = READ_METHODS.has(request.method) ? rule.read : rule.write;
    if (!allowed.includes(principal.role)) {
      throw forbidden(`The ${principal.role} role may not do this.`);
    }
  };
}

/** The principal of a request behind `authorize`; a programming error if missing. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf called on a route without authorize');
  return request.principal;
}

export const ALL_ROLES: readonly StaffRole[] = ['admin', 'staff', 'viewer'];
export const BOOKING_ROLES: readonly StaffRole[] = ['admin', 'staff'];
export const ADMIN_ONLY: readonly StaffRole[] = ['admin'];
