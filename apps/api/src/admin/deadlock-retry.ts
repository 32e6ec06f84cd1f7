/**
 * InnoDB may pick a transaction as a deadlock victim when it locks rows that another one is
 * locking in a different order (a booking row, then slot rows). The victim was rolled back in
 * full, so running it again is safe.
 */
const ATTEMPTS = 3;

function isDeadlock(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (
      /deadlock|write conflict/i.test(e.message) ||
      code === 'P2034' ||
      code === 'ER_LOCK_DEADLOCK'
    )
      return true;
  }
  return false;
}

export async function withDeadlockRetry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}
