// Follows the service's change feed while any supported page is open, so that what changes
// elsewhere (another user, the integration) reaches the cells without a reload. It starts from
// now: a page that opens asks for its own rows anyway.
import type { RecordStatus } from '../contract/status';
import { BackgroundError, retryAfterMs } from '../messaging/errors';
import type { ServiceClient } from './service-client';

export interface ChangeFeedOptions {
  client: Pick<ServiceClient, 'changes'>;
  publish: (statuses: RecordStatus[]) => Promise<void>;
  /**
   * The service refuses the token it had been taking (revoked): what the pages show can no longer
   * be confirmed, and they would not hear of it otherwise (they ask only for rows they have not seen).
   */
  onTokenRejected: () => void;
  intervalMs?: number;
  later?: (run: () => void, ms: number) => void;
}

const LONGEST_PAUSE_MS = 60_000;

export function createChangeFeed({ client, publish, onTokenRejected, intervalMs = 2_000, later = (run, ms) => setTimeout(run, ms) }: ChangeFeedOptions) {
  /** Each start begins a new run; a stopped run notices at its next step and ends. */
  let run = 0;
  let running = false;
  let cursor: string | null = null;

  async function follow(mine: number, failures: number) {
    if (mine !== run) return;
    /** How long a rate limit asked to wait: never asked again sooner. */
    let asked = 0;
    try {
      // Starting, it only takes the cursor of now: nothing has changed since, and a page that has
      // just opened is putting its own question to the service at this moment.
      if (cursor === null) cursor = (await client.changes('latest')).cursor;
      else {
        for (let more = true; more && mine === run; ) {
          const page = await client.changes(cursor);
          if (page.changes.length > 0) await publish(page.changes);
          cursor = page.cursor;
          more = page.hasMore;
        }
      }
      failures = 0;
    } catch (error) {
      // A token that was taken and now is not (revoked): said once, not at every round after.
      if (cursor !== null && failures === 0 && error instanceof BackgroundError && error.code === 'token_rejected') onTokenRejected();
      failures++; // unreachable or refused: asked again, less often
      asked = retryAfterMs(error);
    }
    const pause = Math.max(Math.min(LONGEST_PAUSE_MS, intervalMs * 2 ** failures), asked);
    later(() => void follow(mine, failures), pause);
  }

  return {
    start() {
      if (running) return;
      running = true;
      void follow(++run, 0);
    },
    stop() {
      running = false;
      run++;
    },
  };
}
