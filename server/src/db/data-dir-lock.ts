// Two processes opening one PGlite folder corrupt it beyond repair, so the service holds the
// folder exclusively: a lock file naming the owning process, taken over only when that process
// is gone (for example after kill -9).
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'service.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written whole first, then linked into place in one step: nobody ever reads a half-written lock.
    const ready = `${lockFile}.${process.pid}`;
    writeFileSync(ready, String(process.pid));
    try {
      linkSync(ready, lockFile);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `Another sync-status service (process ${owner}) is using ${dataDir}. Stop it first, or give this one ` +
            'its own DATA_DIR; two processes on one embedded database would corrupt it.',
          { cause: error },
        );
      }
      rmSync(lockFile, { force: true }); // left by a process that died without releasing it
    } finally {
      rmSync(ready, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}.`);
}
