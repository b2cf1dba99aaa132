// Finds a Chromium to run the end-to-end tests in, in the order our machines provide one.
import { existsSync } from 'node:fs';

const systemBrowsers = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const installHint =
  'No Chromium found for the end-to-end tests. Install one with `apt-get update && apt-get install -y chromium` ' +
  '(Debian, as root), or point CHROMIUM_PATH at a Chromium or Chrome binary.';

/** @returns {Promise<string | null>} the path of a Chromium binary, or null when there is none */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there. ${installHint}`);
  }
  const system = systemBrowsers.find((path) => existsSync(path));
  if (system) return system;
  try {
    // Playwright's own browser, where one was downloaded (npx playwright install).
    const { chromium } = await import('@playwright/test');
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : null;
  } catch {
    return null;
  }
}
