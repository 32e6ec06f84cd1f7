import { connectionOptions } from './connection-options.ts';
import { openConnection } from './utc-driver.ts';

const LOCK_NAME = 'sevabook_prepare';
const WAIT_SECONDS = 120;

/**
 * Runs `work` while holding a database-wide named lock, so that when several API instances
 * start (or make the day's slots) at the same moment, one prepares the database and the others
 * wait and then find nothing left to do — instead of deadlocking on the same new rows.
 * NOTE: GET_LOCK belongs to a connection, so it is taken on a connection of its own, not on a
 * pooled one that the next statement might not use.
 */
export async function withPreparationLock<T>(
  databaseUrl: string,
  work: () => Promise<T>,
): Promise<T> {
  const connection = await openConnection(connectionOptions(databaseUrl));
  try {
    const [row] = await connection.query<{ locked: number | null }[]>(
      'SELECT GET_LOCK(?, ?) AS locked',
      [LOCK_NAME, WAIT_SECONDS],
    );
    if (Number(row?.locked) !== 1) {
      throw new Error(
        `Another Sevabook instance held the '${LOCK_NAME}' lock for over ${WAIT_SECONDS} s`,
      );
    }
    try {
      return await work();
    } finally {
      await connection.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    }
  } finally {
    await connection.end();
  }
}
