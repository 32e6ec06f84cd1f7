import type { DevoteeSession } from '@sevabook/shared';
import { useCallback, useEffect, useState } from 'react';

/**
 * The "my bookings" session, kept in sessionStorage: it survives a reload of the page (an
 * elderly devotee who pressed refresh need not wait for another code) but not closing the tab,
 * and no other tab or site reads it. It lasts as long as the API says (15 minutes).
 */
export interface StoredSession {
  token: string;
  /** E.164. */
  phone: string;
  /** Epoch milliseconds, by this device's clock. */
  expiresAt: number;
}

const KEY = 'sevabook:my-bookings';

export function readSession(now = Date.now()): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    const stored = raw ? (JSON.parse(raw) as Partial<StoredSession>) : null;
    if (
      typeof stored?.token === 'string' &&
      typeof stored.phone === 'string' &&
      typeof stored.expiresAt === 'number' &&
      stored.expiresAt > now
    ) {
      return stored as StoredSession;
    }
  } catch {
    // Storage refused (a private window) or a value from an older site: no session.
  }
  return null;
}

function write(session: StoredSession | null): void {
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Without storage the session lasts as long as the page.
  }
}

export type SessionEnd = 'expired' | 'signed-out';

/** The session, and how it starts and ends; it ends by itself when its time is up. */
export function useDevoteeSession() {
  const [session, setSession] = useState<StoredSession | null>(() => readSession());
  const [ended, setEnded] = useState<SessionEnd | null>(null);

  const end = useCallback((why: SessionEnd) => {
    write(null);
    setSession(null);
    setEnded(why);
  }, []);

  const start = useCallback((answer: DevoteeSession) => {
    const next = {
      token: answer.sessionToken,
      phone: answer.phone,
      expiresAt: Date.now() + answer.expiresIn * 1000,
    };
    write(next);
    setEnded(null);
    setSession(next);
  }, []);

  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => end('expired'), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, end]);

  return { session, ended, start, end };
}
