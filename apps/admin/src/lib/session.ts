import type { Session, StaffRole, StaffUser } from '@sevabook/shared';

/**
 * Who is signed in, kept in memory only. The access token never touches localStorage (a script
 * injected into the page could read it there); after a reload the httpOnly refresh cookie gets a
 * new one (`refreshSession` in api-client.ts).
 */
/** expired: the refresh failed mid-work; logout: the user signed out; none: no session at all. */
export type SignOutReason = 'expired' | 'logout' | 'none';

export type SessionState =
  | { status: 'unknown' }
  | { status: 'signed-out'; reason?: SignOutReason }
  | { status: 'signed-in'; user: StaffUser; accessToken: string };

let state: SessionState = { status: 'unknown' };
const listeners = new Set<() => void>();

export const sessionStore = {
  get: (): SessionState => state,
  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn: (session: Pick<Session, 'accessToken' | 'user'>): void => {
    set({ status: 'signed-in', user: session.user, accessToken: session.accessToken });
  },
  signOut: (reason: SignOutReason): void => {
    set({ status: 'signed-out', reason });
  },
  accessToken: (): string | undefined =>
    state.status === 'signed-in' ? state.accessToken : undefined,
};

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** What each role may do; screens hide what the signed-in user may not do. */
export const powers = {
  changeBookings: (role: StaffRole) => role === 'admin' || role === 'staff',
  manageSevas: (role: StaffRole) => role === 'admin',
  manageStaff: (role: StaffRole) => role === 'admin',
  retryNotifications: (role: StaffRole) => role === 'admin' || role === 'staff',
} as const;
export type Power = keyof typeof powers;
