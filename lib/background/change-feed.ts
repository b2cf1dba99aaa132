// Follows the service's change feed while any supported page is open, so that what changes
// elsewhere (another user, the integration) reaches the cells without a reload. It starts from
// now: a page that opens asks for its own rows anyway.
import type { RecordStatus } from '../contract/status';
import type { ServiceClient } from './service-client';

export interface ChangeFeedOptions {
  client: Pick<ServiceClient, 'changes'>;
  publish: (statuses: RecordStatus[]) => Promise<void>;
  intervalMs?: number;
  later?: (run: () => void, ms: number) => void;
}

const LONGEST_PAUSE_MS = 60_000;

export function createChangeFeed({ client, publish, intervalMs = 2_000, later = (run, ms) => setTimeout(run, ms) }: ChangeFeedOptions) {
  /** Each start begins a new run; a stopped run notices at its next step and ends. */
  let run = 0;
  let running = false;
  let cursor: string | null = null;

  async function follow(mine: number, failures: number) {
    if (mine !== run) return;
    try {
      cursor ??= (await client.changes('latest')).cursor;
      for (let more = true; more && mine === run; ) {
        const page = await client.changes(cursor);
        if (page.changes.length > 0) await publish(page.changes);
        cursor = page.cursor;
        more = page.hasMore;
      }
      failures = 0;
    } catch {
      failures++; // unreachable or refused: asked again, less often
    }
    const pause = Math.min(LONGEST_PAUSE_MS, intervalMs * 2 ** failures);
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
