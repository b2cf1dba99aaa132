// The side panel: one record (chosen from a row's cell, by its pasted address, or from the error
// summary) with its history and actions; the errors across the account, grouped by record type and
// error code, with what each depends on; and this browser's own actions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { type RecordRef, recordKey, recordTypeLabel } from '@/lib/contract/records';
import type { RecordStatus } from '@/lib/contract/status';
import { cellActions, cellFacts, cellView } from '@/lib/content/cell-state';
import { callBackground } from '@/lib/messaging/client';
import { recordInPanel } from '@/lib/settings';

export function SidePanel() {
  const shown = useRecordInPanel();
  return (
    <main className="panel">
      <h1>ERP Sync Inspector</h1>
      <FindByUrl />
      {shown && <RecordDetails key={recordKey(shown)} record={shown} />}
      <ErrorSummary />
      <AuditLog />
    </main>
  );
}

/** The record chosen from a row's cell, a pasted address or the error summary; followed as it changes. */
function useRecordInPanel(): RecordRef | null {
  const [shown, setShown] = useState<RecordRef | null>(null);
  useEffect(() => {
    void recordInPanel.getValue().then((value) => setShown(value?.ref ?? null));
    return recordInPanel.watch((value) => setShown(value?.ref ?? null));
  }, []);
  return shown;
}

const show = (ref: RecordRef) => recordInPanel.setValue({ ref, at: Date.now() });

/** A record's status as the background knows it; a stale one is being asked again. */
function useRecordStatus(record: RecordRef) {
  return useQuery({
    queryKey: ['status', recordKey(record)],
    queryFn: async () => {
      const { statuses, staleKeys } = await callBackground('getStatuses', { refs: [record] });
      return { status: statuses[0] as RecordStatus, stale: staleKeys.length > 0 };
    },
    // While its push runs, or while the background asks again, it is asked again shortly.
    refetchInterval: (query) => (query.state.data?.stale || query.state.data?.status.state === 'pending' ? 1_000 : 10_000),
  });
}

function FindByUrl() {
  const inputId = useId();
  const queries = useQueryClient();
  const [address, setAddress] = useState('');
  const find = useMutation({
    mutationFn: (url: string) => callBackground('resolveUrl', { url }),
    onSuccess: async ({ ref, status }) => {
      queries.setQueryData(['status', recordKey(ref)], { status, stale: false });
      await show(ref);
    },
  });
  const onFind = (event: FormEvent) => {
    event.preventDefault();
    if (address.trim()) find.mutate(address.trim());
  };
  return (
    <section aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Sync by URL</h2>
      <form onSubmit={onFind}>
        <label htmlFor={inputId}>Record address</label>
        <input id={inputId} type="url" value={address} placeholder="Paste a Procore, Xero or Zoho Books record's address" onChange={(event) => setAddress(event.target.value)} />
        <div className="buttons">
          <button type="submit" disabled={find.isPending}>
            Find
          </button>
        </div>
      </form>
      {find.isError && (
        <p role="alert" className="bad">
          {find.error.message}
        </p>
      )}
    </section>
  );
}

/** One record: its state, what differs, its actions (push, lock, unlock with a reason) and its history. */
function RecordDetails({ record }: { record: RecordRef }) {
  const queries = useQueryClient();
  const known = useRecordStatus(record);
  const push = useMutation({
    mutationFn: (status: RecordStatus) => callBackground('pushRecord', { ref: record, version: status.updatedAt }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['status', recordKey(record)] }),
  });
  const lock = useMutation({
    mutationFn: ({ kind, reason }: { kind: 'lock' | 'unlock'; reason?: string }) => callBackground(kind === 'lock' ? 'lockRecord' : 'unlockRecord', { ref: record, reason }),
    onSuccess: ({ status }) => queries.setQueryData(['status', recordKey(record)], { status, stale: false }),
  });
  /** Unlocking is confirmed, with an optional reason; locking is not (it only protects). */
  const toggleLock = (kind: 'lock' | 'unlock') => {
    if (kind === 'lock') return lock.mutate({ kind });
    const reason = window.prompt('Unlock it? Edits in Procore will be allowed again. Reason (optional):', '');
    if (reason !== null) lock.mutate({ kind, reason: reason.trim() || undefined });
  };
  if (known.isError) {
    return (
      <p role="alert" className="bad">
        {known.error.message}
      </p>
    );
  }
  const status = known.data?.status;
  if (!status) return null;
  const shown = { kind: 'status', status } as const;
  const view = cellView(shown);
  const offered = cellActions(shown);
  return (
    <>
      <div role="status" className="found" data-state={status.state} aria-label="Record">
        <p>
          <strong>
            {recordTypeLabel(record.system, record.recordType)} {status.number ?? record.recordId}
          </strong>
        </p>
        <p>{view.label}</p>
        {view.detail && <p>{view.detail}</p>}
        {cellFacts(shown).map((fact) => (
          <p key={fact} className="muted">
            {fact}
          </p>
        ))}
        <div className="buttons">
          {offered.push && (
            <button type="button" className="primary" disabled={push.isPending} onClick={() => push.mutate(status)}>
              Push now
            </button>
          )}
          {offered.lock && (
            <button type="button" disabled={lock.isPending} onClick={() => offered.lock && toggleLock(offered.lock.kind)}>
              {offered.lock.kind === 'lock' ? 'Lock' : 'Unlock'}
            </button>
          )}
          {offered.view && (
            <a href={offered.view.url} target="_blank" rel="noopener noreferrer">
              {offered.view.label}
            </a>
          )}
        </div>
        {(push.error ?? lock.error) && <p className="bad">{(push.error ?? lock.error)?.message}</p>}
      </div>
      <History record={record} version={status.updatedAt} />
    </>
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
                )}{' '}
                <button type="button" className="small" aria-label={`Details of ${record.number ?? record.ref.recordId}`} onClick={() => void show(record.ref)}>
                  Details
                </button>
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
