// The service as users run it: a separate process started by the same entry point as
// `npm run server`, configured by environment. Tests start it, kill it and start it again.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  output(): string;
}

/** For a test that starts the service more than once: each start takes seconds on a busy machine. */
export const RESTARTS_TIMEOUT = 120_000;

const running = new Set<ChildProcess>();

export function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: root, env: { ...process.env, PORT: '0', ...env } });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    // Generous: under load, and after a crash, the embedded database takes seconds to open.
    const timer = setTimeout(() => reject(new Error(`The service did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/listening on (http:\/\/\S+)/)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, output: () => output });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The service exited with ${code}:\n${output}`));
    });
  });
}

/** Sends the signal and waits until the process is gone. */
export async function stopServiceProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  await exited;
}

/** Kills every service process a test left running. */
export function killServiceProcesses() {
  for (const child of running) child.kill('SIGKILL');
}

export const tempDataDir = () => mkdtempSync(path.join(tmpdir(), 'sync-status-'));
