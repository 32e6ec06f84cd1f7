import { maskPhoneForViewer } from '@sevabook/shared';
import type { Principal } from '../auth/principal.ts';

/**
 * What a viewer (a priest's read-only account, a read-only API key) sees of a devotee: the name
 * and sankalpa details the seva needs, a phone number masked (+91 98••• ••210) and no email.
 * Staff and admins, who call devotees back, see everything. Every staff response that carries
 * a devotee's contact details passes through here (docs/decisions/0011-personal-data.md).
 */
export function seesContactDetails(principal: Principal): boolean {
  return principal.role !== 'viewer';
}

interface WithContact {
  phone: string;
  email?: string | null;
}

/** A booking (or a day-sheet row) as the principal may see it. */
export function contactAsSeenBy<T extends WithContact>(principal: Principal, row: T): T {
  if (seesContactDetails(principal)) return row;
  return {
    ...row,
    phone: maskPhoneForViewer(row.phone),
    ...('email' in row ? { email: null } : {}),
  };
}

/** Runs of digits long enough to be a phone number, as error texts from Twilio may quote one. */
const NUMBER_IN_TEXT = /\+?\d[\d\s-]{5,}\d/g;

/** A message's last error as the principal may see it. */
export function errorTextAsSeenBy(principal: Principal, text: string): string;
export function errorTextAsSeenBy(principal: Principal, text: string | null): string | null;
export function errorTextAsSeenBy(principal: Principal, text: string | null): string | null {
  if (text === null || seesContactDetails(principal)) return text;
  return text.replace(NUMBER_IN_TEXT, '•••');
}
