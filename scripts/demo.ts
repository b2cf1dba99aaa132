// The whole product on this machine, in one command (`npm start`, after the build): the
// sync-status service on its embedded database with the demo company and the sandbox integration,
// and a Chromium with the extension loaded and signed in, the sites' pages served at their real
// addresses. With a display the browser is yours until Ctrl-C; without one (or with --headless)
// it walks through every supported page, re-syncs and locks, and saves a screenshot of each step.
// Everything it starts, it stops: on Ctrl-C, on an error, and at the end.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { type ExtensionHarness, extensionIn, launchWithExtension } from '../e2e/browser';
import { serveProcoreAssets } from '../e2e/procore';
import { openDatabase } from '../server/src/db/connect';
import { type DemoPage, demoPages as pages } from '../server/src/demo/dataset';
import { seedDemo } from '../server/src/demo/seed';
import { findChromium, installHint } from './chromium.mjs';

/** How long the sandbox integration takes over a push: long enough to see it pending. */
const PUSH_TAKES_MS = 2_500;
interface Options {
  headless: boolean;
  out: string;
}

function readOptions(argv: string[]): Options {
  const outAt = argv.indexOf('--out');
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return {
    headless: argv.includes('--headless') || !hasDisplay,
    out: path.resolve(outAt >= 0 ? (argv[outAt + 1] ?? 'demo-screenshots') : 'demo-screenshots'),
  };
}

/** 8787 (the address the README uses) when free, else any free loopback port. */
async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(null));
      probe.listen(port, '127.0.0.1', () => {
        const { port: bound } = probe.address() as { port: number };
        probe.close(() => resolve(bound));
      });
    });
  return (await tryPort(preferred)) ?? ((await tryPort(0)) as number);
}

/** The service as `npm run server` runs it, in a process of its own; resolves once it listens. */
function startService(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SANDBOX_WORKER: '1', SANDBOX_DELAY_MS: String(PUSH_TAKES_MS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let said = '';
    const hear = (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('listening on')) resolve(child);
    };
    child.stdout?.on('data', hear);
    child.stderr?.on('data', hear);
    child.once('exit', (code) => reject(new Error(`The service stopped before it listened (exit ${code}):\n${said}`)));
  });
}

function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Waits until every drawn cell of the page shows what the service said (none still checking). */
async function settled(page: Page): Promise<void> {
  const badges = page.locator('[data-erp-sync-cell] .badge');
  await badges.first().waitFor({ timeout: 15_000 });
  const checking = page.locator('[data-erp-sync-cell] .badge[data-state="loading"]');
  for (let waited = 0; (await checking.count()) > 0; waited += 100) {
    if (waited > 15_000) throw new Error(`${page.url()} still checks ${await checking.count()} rows after 15 s.`);
    await page.waitForTimeout(100);
  }
}

/** The re-sync button of the first row that is not synced, if the page has one. */
const firstResync = (page: Page) =>
  page.locator('[data-erp-sync-cell]', { has: page.locator('.badge[data-state="not_synced"]') }).first().getByRole('button', { name: /^Re-sync/ });

class Walkthrough {
  readonly shots: string[] = [];
  constructor(
    private readonly extension: ExtensionHarness,
    private readonly context: BrowserContext,
    private readonly out: string,
  ) {}

  async shoot(page: Page, name: string): Promise<void> {
    const file = path.join(this.out, `${String(this.shots.length + 1).padStart(2, '0')}-${name}.png`);
    await page.mouse.move(0, 0); // no details bubble left open by the pointer
    await page.screenshot({ path: file });
    this.shots.push(file);
    console.info(`  ${file}`);
  }

  /** Each list as it opens, then one of its crosses re-synced (pending while the integration works). */
  async lists(): Promise<void> {
    for (const demo of pages) {
      const page = await this.extension.openFixture(demo.url, demo.fixture);
      await settled(page);
      const resync = firstResync(page);
      if (await resync.count()) {
        await resync.click();
        await page.locator('[data-erp-sync-cell] .badge[data-state="pending"]').first().waitFor();
      }
      await this.shoot(page, demo.name);
      await page.close();
    }
  }

  /** A cross re-synced to the end, a direct cost locked, and the locked record's own page. */
  async actions(): Promise<void> {
    const xero = pages.find((demo) => demo.name === 'xero-invoices') as DemoPage;
    const page = await this.extension.openFixture(xero.url, xero.fixture);
    await settled(page);
    await firstResync(page).click();
    const pending = page.locator('[data-erp-sync-cell] .badge[data-state="pending"]');
    await pending.first().waitFor();
    await this.shoot(page, 'resync-pending');
    // The sandbox integration takes the pushes of the walk-through one after another.
    await pending.first().waitFor({ state: 'detached', timeout: 20 * PUSH_TAKES_MS });
    await this.shoot(page, 'resync-synced');

    const costs = pages.find((demo) => demo.name === 'procore-direct-costs-legacy') as DemoPage;
    const list = await this.extension.openFixture(costs.url, costs.fixture);
    await settled(list);
    const lock = list.getByRole('button', { name: 'Lock against edits in Procore' }).first();
    await lock.click();
    await list.getByRole('button', { name: 'Unlock: allow edits in Procore again' }).first().waitFor();
    await this.shoot(list, 'direct-cost-locked');

    // The record page of the first locked cost, through its own link on the list.
    const row = list.locator('tr', { has: list.getByRole('button', { name: 'Unlock: allow edits in Procore again' }) }).first();
    const href = await row.locator('a[href*="/direct_costs/"]').first().getAttribute('href');
    if (href) {
      const recordPage = await this.extension.openFixture(new URL(href, costs.url).href, 'procore/record-page.html');
      await recordPage.getByText(/Locked by/).first().waitFor();
      await this.shoot(recordPage, 'locked-record-page');
    }

    // The popup on the invoices list, and the side panel on one of its records.
    await page.bringToFront(); // the popup reports on the active tab
    const devtools = await this.context.newCDPSession(page);
    const popupOpened = this.context.waitForEvent('page');
    await devtools.send('Target.createTarget', { url: `chrome-extension://${this.extension.id}/popup.html`, newWindow: true });
    const popup = await popupOpened;
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.getByRole('heading', { name: 'Invoices' }).waitFor();
    await popup.waitForTimeout(1_500); // the counts settle from "checking"
    await this.shoot(popup, 'popup');
    await popup.close();

    await page.locator('[data-erp-sync-cell] .badge[data-state="not_synced"], [data-erp-sync-cell] .badge[data-state="failed"]').first().click();
    const panel = await this.extension.openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.getByRole('status', { name: 'Record' }).waitFor();
    await panel.getByRole('region', { name: 'History' }).waitFor();
    await this.shoot(panel, 'side-panel');
  }
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const executablePath = await findChromium();
  if (!executablePath) throw new Error(installHint);

  const started: (() => Promise<unknown>)[] = [];
  let stopping: Promise<void> | null = null;
  const stopAll = () => {
    stopping ??= (async () => {
      for (const stop of started.reverse()) await stop().catch((error: unknown) => console.error(`While stopping: ${String(error)}`));
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      console.info('\nStopping the demo...');
      void stopAll().then(() => {
        console.info('Stopped: the service, the browser and the demo data are gone.');
        process.exit(0);
      });
    });
  }

  try {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'erp-sync-demo-'));
    started.push(() => rm(dataDir, { recursive: true, force: true }));
    const database = await openDatabase({ dataDir });
    const demo = await seedDemo(database.db);
    await database.close();
    const bookkeeper = demo.tokens[0] as { token: string };

    const port = await freePort(8787);
    const service = await startService(dataDir, port);
    started.push(() => stopService(service));
    const serviceUrl = `http://127.0.0.1:${port}`;
    console.info(`Sync-status service: ${serviceUrl} (API documentation: ${serviceUrl}/docs), demo company "${demo.tenant.name}", ${demo.records} records.`);

    const context = await launchWithExtension({ executablePath, headless: options.headless, ownSignals: true });
    started.push(() => context.close());
    const extension = await extensionIn(context);
    await extension.signIn(serviceUrl, bookkeeper.token);
    await serveProcoreAssets(extension, 'https://app.procore.com', '35.3.1');
    for (const demoPage of pages) await extension.serve(demoPage.url, demoPage.fixture);

    if (!options.headless) {
      const first = pages[0] as DemoPage;
      const page = await context.newPage();
      await page.goto(first.url);
      console.info(`\nThe browser shows ${first.url}\nThe other demo pages (type or paste them in its address bar):`);
      for (const demoPage of pages.slice(1)) console.info(`  ${demoPage.url}`);
      console.info('\nPress Ctrl-C here to stop everything.');
      await new Promise<void>((resolve) => context.once('close', () => resolve()));
      console.info('The browser was closed.');
      return;
    }

    await mkdir(options.out, { recursive: true });
    console.info(`\nNo display: walking through every supported page. Screenshots:`);
    const walk = new Walkthrough(extension, context, options.out);
    await walk.lists();
    await walk.actions();
    console.info(`\n${walk.shots.length} screenshots in ${options.out}`);
  } catch (error) {
    // Asked to stop: what broke is only what the stopping took away.
    if (!stopping) throw error;
  } finally {
    await stopAll(); // the same stopping, if Ctrl-C began it
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
