import { defineConfig } from '@playwright/test';
import { findChromium, installHint } from './scripts/chromium.mjs';

const executablePath = await findChromium();
// Never skip the browser tests for want of a browser: stop with what to do.
if (!executablePath) throw new Error(installHint);
process.env.E2E_CHROMIUM_PATH = executablePath;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: { trace: 'retain-on-failure' },
});
