// `npm start`: builds the extension from a fresh clone and says how to load it into Chrome.
import path from 'node:path';
import { ensureDependencies, run } from './setup.mjs';

try {
  ensureDependencies();
  run('npx', ['wxt', 'build']);
  const dir = path.resolve('.output/chrome-mv3');
  console.info(`
ERP Sync Inspector is built in ${dir}

Load it into Chrome or Chromium:
  1. Open chrome://extensions and switch on "Developer mode" (top right).
  2. Click "Load unpacked" and choose ${dir}
  3. Open a Procore, Xero or Zoho Books list page: the inspector runs there.
`);
} catch (error) {
  console.error(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
