// The side panel: a record found by its pasted address (and pushed from there), and the errors
// across the account, grouped by record type and error code, with what each depends on.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import type { ResolvedUrl } from '@/lib/contract/api';
import { type RecordRef, recordTypeLabel } from '@/lib/contract/records';
import { cellActions, cellFacts, cellView } from '@/lib/content/cell-state';
import { callBackground } from '@/lib/messaging/client';

export function SidePanel() {
  return (
    <main className="panel">
      <h1>ERP Sync Inspector</h1>
      <SyncByUrl />
      <ErrorSummary />
      <AuditLog />
    </main>
  );
}

function SyncByUrl() {
  const inputId = useId();
  const [address, setAddress] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const found = useQuery({
    queryKey: ['resolve', asked],
    queryFn: () => callBackground('resolveUrl', { url: asked as string }),
    enabled: asked !== null,
    // While its push runs, it is asked again until it ends.
    refetchInterval: (query) => (query.state.data?.status.state === 'pending' ? 1_000 : false),
  });
  const push = useMutation({
    mutationFn: (resolved: ResolvedUrl) => callBackground('pushRecord', { ref: resolved.ref, version: resolved.status.updatedAt }),
    onSuccess: () => void found.refetch(),
  });
  const lock = useMutation({
    mutationFn: ({ resolved, kind, reason }: { resolved: ResolvedUrl; kind: 'lock' | 'unlock'; reason?: string }) =>
      callBackground(kind === 'lock' ? 'lockRecord' : 'unlockRecord', { ref: resolved.ref, reason }),
    onSuccess: () => void found.refetch(),
  });
  /** Unlocking is confirmed, with an optional reason; locking is not (it only protects). */
  const toggleLock = (resolved: ResolvedUrl, kind: 'lock' | 'unlock') => {
    if (kind === 'lock') return lock.mutate({ resolved, kind });
    const reason = window.prompt('Unlock it? Edits in Procore will be allowed again. Reason (optional):', '');
    if (reason !== null) lock.mutate({ resolved, kind, reason: reason.trim() || undefined });
  };
  const onFind = (event: FormEvent) => {
    event.preventDefault();
    if (address.trim()) setAsked(address.trim());
  };
  const status = found.data?.status;
  const view = status ? cellView({ kind: 'status', status }) : null;
  const offered = status ? cellActions({ kind: 'status', status }) : null;
  const facts = status ? cellFacts({ kind: 'status', status }) : [];

  return (
    <section aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Sync by URL</h2>
      <form onSubmit={onFind}>
        <label htmlFor={inputId}>Record address</label>
        <input id={inputId} type="url" value={address} placeholder="Paste a Procore, Xero or Zoho Books record's address" onChange={(event) => setAddress(event.target.value)} />
        <div className="buttons">
          <button type="submit" disabled={found.isFetching}>
            Find
          </button>
        </div>
      </form>
      {found.isError && (
        <p role="alert" className="bad">
          {found.error.message}
        </p>
      )}
      {found.data && view && (
        <div role="status" className="found" data-state={found.data.status.state}>
          <p>
            <strong>
              {recordTypeLabel(found.data.ref.system, found.data.ref.recordType)} {found.data.status.number ?? found.data.ref.recordId}
            </strong>
          </p>
          <p>
            {view.label}
            {view.detail ? `: ${view.detail}` : ''}
          </p>
          {facts.map((fact) => (
            <p key={fact} className="muted">
              {fact}
            </p>
          ))}
          <div className="buttons">
            {offered?.push && (
              <button type="button" className="primary" disabled={push.isPending} onClick={() => push.mutate(found.data)}>
                Push now
              </button>
            )}
            {offered?.lock && (
              <button type="button" disabled={lock.isPending} onClick={() => offered.lock && toggleLock(found.data, offered.lock.kind)}>
                {offered.lock.kind === 'lock' ? 'Lock' : 'Unlock'}
              </button>
            )}
            {offered?.view && (
              <a href={offered.view.url} target="_blank" rel="noopener noreferrer">
                {offered.view.label}
              </a>
            )}
          </div>
          {(push.error ?? lock.error) && <p className="bad">{(push.error ?? lock.error)?.message}</p>}
        </div>
      )}
      {found.data && <History record={found.data.ref} version={found.data.status.updatedAt} />}
    </section>
  );
}

function ErrorSummary() {
  const summary = useQuery({ queryKey: ['errors'], queryFn: () => callBackground('getErrorSummary', {}), refetchInterval: 10_000 });
  return (
    <section aria-label="Errors across the account">
      <h2>Errors across the account</h2>
      {summary.isError && <p className="bad">{summary.error.message}</p>}
      {summary.data && summary.data.total === 0 && <p>No record has failed to sync.</p>}
      {summary.data?.groups.map((group) => (
        <article key={`${group.system} ${group.recordType} ${group.code}`} className="group" aria-label={`${group.label}: ${group.code}`}>
          <h3>
            {group.label}: {group.message} <span className="count">{group.count}</span>
          </h3>
          <p>{group.explanation}</p>
          <p className="muted">{group.hint}</p>
          <ul>
            {group.records.map((record) => (
              <li key={record.key}>
                {record.url ? (
                  <a href={record.url} target="_blank" rel="noopener noreferrer">
                    {record.number ?? record.ref.recordId}
                  </a>
                ) : (
                  (record.number ?? record.ref.recordId)
                )}
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}

const when = (at: string | number) => new Date(at).toLocaleString();

/** A record's history from the service, newest first: who did what, when, and what differed. */
function History({ record, version }: { record: RecordRef; version: string | null }) {
  const history = useQuery({ queryKey: ['history', record, version], queryFn: () => callBackground('getHistory', { ref: record }) });
  if (history.isError) return <p className="bad">{history.error.message}</p>;
  if (!history.data) return null;
  return (
    <section aria-label="History">
      <h3>History</h3>
      {history.data.events.length === 0 && <p className="muted">Nothing has happened to it yet.</p>}
      <ol className="history">
        {history.data.events.map((event) => (
          <li key={event.id}>
            <span className="muted">{when(event.at)}</span> {event.summary} <span className="muted">({event.actor})</span>
            {event.error && <div className="bad">{event.error.message}</div>}
            {event.differences.map((d) => (
              <div key={d.field}>
                {d.label}: {d.here ?? 'none'} here, {d.there ?? 'none'} there
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What was done from this browser (pushes, locks, unlocks), newest first, searchable. */
function AuditLog() {
  const searchId = useId();
  const [search, setSearch] = useState('');
  const log = useQuery({ queryKey: ['audit', search], queryFn: () => callBackground('getAuditLog', { search }), refetchInterval: 5_000 });
  return (
    <section aria-label="This browser's actions">
      <h2>This browser's actions</h2>
      <label htmlFor={searchId}>Search</label>
      <input id={searchId} type="search" value={search} placeholder="Record, action or outcome" onChange={(event) => setSearch(event.target.value)} />
      {log.data && log.data.entries.length === 0 && <p className="muted">{search ? 'Nothing matches.' : 'Nothing done from this browser yet.'}</p>}
      <ol className="audit">
        {log.data?.entries.map((entry) => (
          <li key={`${entry.at} ${entry.key} ${entry.action} ${entry.outcome}`}>
            <span className="muted">{when(entry.at)}</span> {entry.action} {entry.key}: <strong>{entry.outcome}</strong>
            {entry.message && <div className="muted">{entry.message}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
