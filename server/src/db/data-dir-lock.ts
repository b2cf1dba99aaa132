// Two processes opening one PGlite folder corrupt it beyond repair, so the service holds the
// folder exclusively: a lock file naming the owning process, taken over only when that process
// is gone (for example after kill -9). The file also holds when the owner started, because after
// a crash its process id may go to another process, which must not keep the folder locked.
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

/** When a process started, in clock ticks since boot (Linux); empty where the system does not say. */
function startTimeOf(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the name in field 2 may hold spaces, so count from the parenthesis that closes it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return ''; // no /proc, or no such process
    throw error;
  }
}

/** The process named in the lock still runs, and is the same process: its id was not reused. */
function ownerRuns(pid: number, startedAt: string): boolean {
  if (!isAlive(pid)) return false;
  const now = startTimeOf(pid);
  return !startedAt || !now || now === startedAt;
}

/** Takes the folder's lock; returns the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'service.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written whole first, then linked into place in one step: nobody ever reads a half-written lock.
    const ready = `${lockFile}.${process.pid}`;
    writeFileSync(ready, `${process.pid} ${startTimeOf(process.pid)}`);
    try {
      linkSync(ready, lockFile);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid = '', startedAt = ''] = readFileSync(lockFile, 'utf8').trim().split(' ');
      const owner = Number(pid);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && ownerRuns(owner, startedAt)) {
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
