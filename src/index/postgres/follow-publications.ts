import pg from 'pg';
import { PUBLICATION_CHANNEL } from './postgres-index-sql.js';

/** Waits between attempts to reconnect the listening connection: doubling from 1 s to 30 s. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

export interface Follower {
  stop(): Promise<void>;
}

/**
 * Calls `onPublished` each time a writer publishes a new version of the index (it NOTIFYs on
 * PUBLICATION_CHANNEL, see save-postgres-index.ts), over a connection of its own that LISTENs. A
 * notification sent while the connection was down is lost, so `onPublished` is also called after
 * every reconnection: the caller compares the published version with its own and reloads only when
 * they differ. `onError` hears why the connection dropped (it is retried, never fatal).
 */
export async function followPublications(
  url: string,
  onPublished: () => void,
  onError: (error: unknown) => void,
): Promise<Follower> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  let wait = FIRST_RETRY_MS;

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === PUBLICATION_CHANNEL) onPublished();
    });
    next.on('error', (error) => {
      onError(error);
      dropped(next);
    });
    next.on('end', () => dropped(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${PUBLICATION_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    // Listening alone must not keep a process alive (a command, a test); a server stays up anyway.
    const socket = next.connection.stream as { unref?: () => void };
    socket.unref?.();
    client = next;
  };

  const dropped = (which: pg.Client) => {
    if (client !== which) return;
    client = null;
    which.end().catch(() => {});
    connectLater();
  };

  const connectLater = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      if (stopped) return;
      connect().then(
        () => {
          wait = FIRST_RETRY_MS;
          onPublished();
        },
        (error: unknown) => {
          onError(error);
          wait = Math.min(MAX_RETRY_MS, wait * 2);
          connectLater();
        },
      );
    }, wait);
    // A reconnection pending must not keep a process alive that has nothing else to do.
    retry.unref();
  };

  await connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
