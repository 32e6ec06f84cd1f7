import type { StaffUser } from '@sevabook/shared';
import { useSyncExternalStore } from 'react';
import { powers, sessionStore, type Power, type SessionState } from './session.ts';

export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** The signed-in user; only for screens behind RequireSession. */
export function useStaffUser(): StaffUser {
  const session = useSession();
  if (session.status !== 'signed-in') throw new Error('useStaffUser outside a signed-in screen');
  return session.user;
}

/** Whether the signed-in user may do something; screens hide what they may not. */
export function useCan(power: Power): boolean {
  const session = useSession();
  return session.status === 'signed-in' && powers[power](session.user.role);
}
