// `npm start`: on a fresh clone, installs what is missing, builds the extension, and runs the whole
// product on this machine (scripts/demo.ts): with a display, a browser to try it in until Ctrl-C;
// without one, a walk-through of every supported page that saves screenshots.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureChromium, ensureDependencies, run } from './setup.mjs';

try {
  ensureDependencies();
  await ensureChromium();
  run('npx', ['wxt', 'build']);
  console.info(`
The extension is built in ${path.resolve('.output/chrome-mv3')} (see the README to load it into your own browser).
Starting the demo: the sync-status service, the demo pages and a Chromium with the extension.`);
  // Ctrl-C reaches the demo too, which stops what it started and exits; this waits for it.
  process.on('SIGINT', () => {});
  const demo = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
  demo.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} catch (error) {
  console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
