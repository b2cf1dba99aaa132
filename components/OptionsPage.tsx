// Sign-in and settings: the address of the company's sync-status service and an API token, saved
// by the background (the only part of the extension that keeps the token), checked against the
// service, and explained plainly when something is wrong.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComponentProps, type FormEvent, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { MeResponse } from '@/lib/contract/api';
import { connectionSchema } from '@/lib/contract/connection';
import { callBackground } from '@/lib/messaging/client';
import { type ListKind, type SiteName, siteFamilies, supportedLists } from '@/lib/sites';
import { BackgroundError } from '@/lib/messaging/errors';

type Outcome = { kind: 'connected'; me: MeResponse; saved: boolean } | { kind: 'problem'; message: string } | { kind: 'signed-out' };

/** What went wrong, in words that say what to do. */
export function explain(error: unknown, serviceUrl: string): string {
  const code = error instanceof BackgroundError ? error.code : 'internal_error';
  const where = URL.canParse(serviceUrl) ? new URL(serviceUrl).origin : serviceUrl;
  switch (code) {
    case 'service_unreachable':
      return `Could not reach ${where}. Check the address, and that you are on a network that can reach it (a service must also allow this extension's requests).`;
    case 'timeout':
      return `${where} did not answer in time. Try again; if it keeps happening, tell your administrator.`;
    case 'invalid_response':
      return `${where} answered, but not as a sync-status service does. Check the address (it is the service's base address, not a page of it).`;
    case 'token_rejected':
      return 'The service rejected this token. Check that you pasted all of it, or ask your administrator for a new one.';
    case 'missing_scope':
      return 'This token may not read sync statuses. Ask your administrator for a token with the "read" scope.';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

const scopeWords: Record<string, string> = { read: 'see statuses', push: 're-sync', lock: 'lock and unlock', ingest: 'report as an integration', admin: 'manage tokens' };

export function OptionsPage() {
  const queries = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => callBackground('getSettings', {}) });
  const [serviceUrl, setServiceUrl] = useState<string | null>(null);
  const [token, setToken] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ serviceUrl?: string; token?: string }>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [permission, setPermission] = useState<{ origin: string; state: 'asked' | 'granted' | 'refused' } | null>(null);
  const shownUrl = serviceUrl ?? settings.data?.serviceUrl ?? '';
  const signedIn = Boolean(settings.data?.serviceUrl);

  /** The fields as a connection, or null after saying what is wrong with them. */
  const entered = () => {
    const parsed = connectionSchema.safeParse({ serviceUrl: shownUrl, token });
    if (parsed.success) {
      setFieldErrors({});
      return parsed.data;
    }
    const errors: typeof fieldErrors = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as 'serviceUrl' | 'token'] ??= issue.message;
    setFieldErrors(errors);
    setOutcome(null); // an earlier answer is not about what is in the fields now
    return null;
  };

  const finish = (saved: boolean) => ({
    onSuccess: ({ me }: { me: MeResponse }) => setOutcome({ kind: 'connected', me, saved }),
    onError: (error: unknown) => setOutcome({ kind: 'problem', message: explain(error, shownUrl) }),
    onSettled: () => queries.invalidateQueries({ queryKey: ['settings'] }),
  });
  const save = useMutation({ mutationFn: (c: { serviceUrl: string; token: string }) => callBackground('saveConnection', c), ...finish(true) });
  const test = useMutation({ mutationFn: (c: { serviceUrl: string; token: string }) => callBackground('testConnection', c), ...finish(false) });
  const signOut = useMutation({
    mutationFn: () => callBackground('signOut', {}),
    onSuccess: () => {
      setOutcome({ kind: 'signed-out' });
      setServiceUrl('');
      setToken('');
    },
    onSettled: () => queries.invalidateQueries({ queryKey: ['settings'] }),
  });

  const onSave = (event: FormEvent) => {
    event.preventDefault();
    const connection = entered();
    if (!connection) return;
    // The browser asks the user, in this click, for access to this service's origin only.
    const origin = new URL(connection.serviceUrl).origin;
    setPermission({ origin, state: 'asked' });
    browser.permissions
      .request({ origins: [`${origin}/*`] })
      .then((granted) => setPermission({ origin, state: granted ? 'granted' : 'refused' }))
      .catch(() => setPermission({ origin, state: 'refused' }));
    save.mutate(connection);
  };
  const onTest = () => {
    const connection = entered();
    if (connection) test.mutate(connection);
  };
  const busy = save.isPending || test.isPending || signOut.isPending;

  return (
    <main className="options">
      <h1>ERP Sync Inspector</h1>
      <p className="lead">Connect to your company's sync-status service to see, on Procore, Xero and Zoho Books lists, whether each record is synced.</p>
      <form onSubmit={onSave} noValidate aria-label="Sign in">
        <Field
          label="Service URL"
          error={fieldErrors.serviceUrl}
          name="serviceUrl"
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://sync.example.com"
          value={shownUrl}
          onChange={(event) => setServiceUrl(event.target.value)}
        />
        <Field
          label="API token"
          error={fieldErrors.token}
          name="token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={signedIn ? 'A token is saved: paste a new one to replace it' : 'sst_…'}
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={onTest} disabled={busy}>
            Test connection
          </button>
          {signedIn && (
            <button type="button" className="quiet" onClick={() => signOut.mutate()} disabled={busy}>
              Sign out
            </button>
          )}
        </div>
      </form>
      <DecorationSwitches settings={settings.data} />
      <section aria-live="polite" className="outcome">
        {busy && <p>Checking…</p>}
        {!busy && outcome?.kind === 'connected' && (
          <div role="status" className="good">
            <p>
              {outcome.saved ? 'Saved. ' : 'This works. '}Connected to <strong>{outcome.me.tenant.name}</strong> as “{outcome.me.token.name}”.
            </p>
            <p>This token may: {outcome.me.token.scopes.map((scope) => scopeWords[scope] ?? scope).join(', ')}.</p>
            {!outcome.me.token.scopes.includes('read') && <p className="warning">Without “read”, no status can be shown: ask for a token with that scope.</p>}
          </div>
        )}
        {!busy && outcome?.kind === 'problem' && (
          <div role="alert" className="bad">
            <p>{outcome.message}</p>
          </div>
        )}
        {!busy && outcome?.kind === 'signed-out' && (
          <p role="status">Signed out: the token and every remembered status are forgotten.</p>
        )}
        {permission && (
          <p className="permission">
            {permission.state === 'asked' && `Your browser asks whether the extension may reach ${permission.origin}.`}
            {permission.state === 'granted' && `The extension may reach ${permission.origin}.`}
            {permission.state === 'refused' &&
              `Access to ${permission.origin} was not granted: the extension can still reach it if the service allows cross-origin requests.`}
          </p>
        )}
      </section>
    </main>
  );
}

/** A labelled field whose problem, when it has one, is said under it and tied to it. */
function Field({ label, error, ...input }: { label: string; error: string | undefined } & ComponentProps<'input'>) {
  const id = useId();
  const errorId = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined} />
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
}

/**
 * One switch per site and, under it, one per list: a site or list switched off is left exactly as
 * it is. A switch shows its new position at once and goes back if the background could not save it.
 */
function DecorationSwitches({ settings }: { settings: { sites: Record<string, boolean>; hiddenLists: string[] } | undefined }) {
  const queries = useQueryClient();
  const [switched, setSwitched] = useState<Record<string, boolean>>({});
  const change = useMutation({
    mutationFn: ({ save }: { name: string; save: () => Promise<unknown> }) => save(),
    onError: (_, { name }) => setSwitched(({ [name]: _undone, ...rest }) => rest),
    onSettled: () => queries.invalidateQueries({ queryKey: ['settings'] }),
  });
  const flip = (name: string, on: boolean, save: () => Promise<unknown>) => {
    setSwitched((current) => ({ ...current, [name]: on }));
    change.mutate({ name, save });
  };
  const siteOn = (site: SiteName) => (switched[site] ?? settings?.sites[site]) !== false;
  const listOn = (list: ListKind) => switched[list] ?? !settings?.hiddenLists.includes(list);
  return (
    <fieldset className="sites">
      <legend>Show sync status on</legend>
      {siteFamilies.map((family) => (
        <ul key={family.name}>
          <li>
            <label>
              <input
                type="checkbox"
                checked={siteOn(family.name)}
                disabled={!settings}
                onChange={({ target: { checked } }) => flip(family.name, checked, () => callBackground('setSiteDecorated', { site: family.name, on: checked }))}
              />
              {family.label}
            </label>
            <ul>
              {supportedLists
                .filter((list) => list.site === family.name)
                .map((list) => (
                  <li key={list.kind}>
                    <label>
                      <input
                        type="checkbox"
                        checked={listOn(list.kind)}
                        disabled={!settings || !siteOn(family.name)}
                        onChange={({ target: { checked } }) => flip(list.kind, checked, () => callBackground('setListDecorated', { list: list.kind, on: checked }))}
                      />
                      {list.label}
                    </label>
                  </li>
                ))}
            </ul>
          </li>
        </ul>
      ))}
    </fieldset>
  );
}
