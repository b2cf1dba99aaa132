// The toolbar popup: whether the extension is connected and as whom, and for the page the user is
// on, how many rows are in each state (the ones needing action first), a re-sync of every row
// that is not synced, and the page's statuses as CSV.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { PageReport, ReportedRow } from '@/lib/content/page-report';
import { logError } from '@/lib/log';
import { callBackground } from '@/lib/messaging/client';
import { CHANNEL } from '@/lib/messaging/channel';
import { siteFamilies, supportedLists } from '@/lib/sites';
import { toCsv } from './csv';

/** "Procore: Direct Costs, Invoicing: Owner, ..." per site. */
const SUPPORTED = siteFamilies.map((family) => `${family.label}: ${supportedLists.filter((list) => list.site === family.name).map((list) => list.label).join(', ')}`);

const STATES: [string, string][] = [
  ['failed', 'Failed'],
  ['not_synced', 'Not synced'],
  ['pending', 'In progress'],
  ['synced', 'Synced'],
  ['unknown', 'Unknown'],
  ['checking', 'Checking'],
  ['unavailable', 'Unavailable'],
];

/**
 * The tab the popup is about: the active tab of its window; opened as a page of its own (pinned,
 * or in tests), the active tab of another window.
 */
async function pageTab(): Promise<number | null> {
  const self = await browser.tabs.getCurrent();
  const tabs = self ? (await browser.tabs.query({ active: true })).filter((tab) => tab.id !== self.id) : await browser.tabs.query({ active: true, currentWindow: true });
  return tabs[0]?.id ?? null;
}

const askPage = (tabId: number, ask: 'report' | 'resync-not-synced') => browser.tabs.sendMessage(tabId, { channel: CHANNEL, to: 'page', ask });

export function Popup() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => callBackground('getSettings', {}) });
  const signedIn = Boolean(settings.data?.serviceUrl);
  const account = useQuery({ queryKey: ['account'], queryFn: () => callBackground('getAccount', {}), enabled: signedIn });
  const tab = useQuery({ queryKey: ['tab'], queryFn: pageTab });
  const report = useQuery({
    queryKey: ['report', tab.data],
    queryFn: async () => (await askPage(tab.data as number, 'report')) as PageReport,
    enabled: typeof tab.data === 'number',
    refetchInterval: 1_000,
  });
  const [confirming, setConfirming] = useState(false);
  const resync = useMutation({ mutationFn: async () => (await askPage(tab.data as number, 'resync-not-synced')) as { queued: number; refused: number } });

  const rows = report.data?.rows ?? [];
  const count = (state: string) => rows.filter((row) => row.state === state).length;
  const locked = rows.filter((row) => row.locked).length;
  const needAction = rows.filter((row) => row.state === 'failed' || row.state === 'not_synced');
  const pushable = rows.filter((row) => row.pushable).length;

  const exportCsv = () => {
    const csv = toCsv(
      ['Record', 'Number', 'State', 'Counterpart', 'Last synced', 'Error'],
      rows.map((row) => [row.key, row.number ?? '', row.state, row.counterpart ?? '', row.lastSyncedAt ?? '', row.error ?? '']),
    );
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = `erp-sync-${report.data?.page?.kind ?? 'page'}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <main className="popup">
      <header>
        <h1>ERP Sync Inspector</h1>
        {!settings.isPending && !signedIn && (
          <p className="bad">
            Not signed in.{' '}
            <button type="button" onClick={() => void callBackground('openOptions', {})}>
              Sign in
            </button>
          </p>
        )}
        {account.data && (
          <p className="muted">
            {account.data.me.tenant.name}, as “{account.data.me.token.name}”
          </p>
        )}
        {account.isError && <p className="bad">The service cannot be reached with the saved sign-in.</p>}
        {signedIn && typeof tab.data === 'number' && <OpenSidePanel tabId={tab.data} />}
      </header>

      {report.isError && (
        <section aria-label="This page">
          <p>This page is not one the inspector decorates. It works on:</p>
          <ul>
            {SUPPORTED.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      {report.data && !report.data.page && <p>No list is shown on this page right now.</p>}
      {report.data?.page && (
        <section aria-label="This page">
          <h2>{report.data.page.title}</h2>
          <dl className="counts">
            {STATES.filter(([state]) => count(state) > 0).map(([state, label]) => (
              <div key={state} data-state={state}>
                <dt>{label}</dt>
                <dd>{count(state)}</dd>
              </div>
            ))}
            {locked > 0 && (
              <div data-state="locked">
                <dt>Locked</dt>
                <dd>{locked}</dd>
              </div>
            )}
          </dl>
          {needAction.length > 0 && <NeedsAction rows={needAction} />}
          <div className="buttons">
            {pushable > 0 && !confirming && (
              <button type="button" className="primary" onClick={() => setConfirming(true)}>
                Re-sync all not-synced rows on this page
              </button>
            )}
            <button type="button" onClick={exportCsv} disabled={rows.length === 0}>
              Export CSV
            </button>
          </div>
          {confirming && (
            <div role="alertdialog" aria-label="Confirm re-sync" className="confirm-box">
              <p>
                Re-sync {pushable} {pushable === 1 ? 'row' : 'rows'} to the other system?
              </p>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  setConfirming(false);
                  resync.mutate();
                }}
              >
                Re-sync {pushable}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          )}
          {resync.data && (
            <p role="status">
              Queued {resync.data.queued}.{' '}
              {resync.data.refused > 0 && `${resync.data.refused} could not be queued: their rows say why. `}
              {count('pending') > 0 ? `${count('pending')} still in progress.` : 'All finished.'}
            </p>
          )}
        </section>
      )}
    </main>
  );
}

function NeedsAction({ rows }: { rows: ReportedRow[] }) {
  const first = [...rows].sort((a, b) => (a.state === b.state ? 0 : a.state === 'failed' ? -1 : 1)).slice(0, 8);
  return (
    <section aria-label="Needs action">
      <h3>Needs action</h3>
      <ul className="needs">
        {first.map((row) => (
          <li key={row.key}>
            <strong>{row.number ?? row.key.split('/').at(-1)}</strong> {row.state === 'failed' ? `failed: ${row.error ?? 'no reason given'}` : 'not synced'}
          </li>
        ))}
      </ul>
      {rows.length > first.length && <p className="muted">and {rows.length - first.length} more</p>}
    </section>
  );
}

/**
 * The side panel (errors across the account, sync by URL) on the popup's tab, where the browser
 * has one. Opened before anything is awaited: Chrome opens it only within the click's gesture.
 */
function OpenSidePanel({ tabId }: { tabId: number }) {
  const panel = (browser as unknown as { sidePanel?: { open(options: { tabId: number }): Promise<void> } }).sidePanel;
  if (!panel) return null;
  const open = () =>
    panel.open({ tabId }).then(
      () => window.close(),
      (error: unknown) => logError('popup', error, { step: 'open side panel' }),
    );
  return (
    <button type="button" onClick={() => void open()}>
      Errors and sync by URL
    </button>
  );
}
