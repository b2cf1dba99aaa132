import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordKey } from '../../lib/contract/records';
import { engines, startService, type TestService } from './harness';
import { procoreCost, procoreOwnerInvoice, synced, xeroBill, xeroInvoice, zohoBill } from './refs';

describe.each(engines)('records on %s', (engine) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startService(engine);
  });
  afterAll(() => service.close());

  describe('batch look-up', () => {
    it('answers one status per reference, in order, with unknown for records never reported', async () => {
      const { api } = await service.newTenant();
      const [cost, bill, unknown] = [procoreCost(), xeroBill(), zohoBill()];
      await api.post('/v1/ingest', { records: [synced(cost, bill, 'BILL-0318')] });
      const { status, body } = await api.post('/v1/statuses/lookup', { refs: [unknown, bill, cost, cost] });
      expect(status).toBe(200);
      expect(body.statuses.map((s: { state: string }) => s.state)).toEqual(['unknown', 'synced', 'synced', 'synced']);
      expect(body.statuses[2]).toMatchObject({
        key: recordKey(cost),
        counterpart: { ref: bill, number: 'BILL-0318' },
        lock: { locked: false },
        lastError: null,
        differences: [],
      });
      expect(body.statuses[2].counterpart.url).toContain(bill.recordId);
      expect(body.statuses[2].lastSyncedAt).not.toBeNull();
      expect(body.statuses[0]).toMatchObject({ state: 'unknown', counterpart: null, updatedAt: null });
    });

    it('answers every field as the change feed does: link, error, differences, lock, push in flight, times', async () => {
      const { api } = await service.newTenant();
      const [linked, bill, failed, differing, locked, pushed] = [procoreCost(), xeroBill(), procoreCost(), procoreCost(), procoreOwnerInvoice(), procoreCost()];
      await api.post('/v1/ingest', {
        records: [
          synced(linked, bill, 'BILL-0319'),
          { ref: failed, state: 'failed', error: { code: 'erp_rejected', message: 'Account 400 is archived.', hint: 'Pick another account.' } },
          { ref: differing, state: 'not_synced', counterpart: { ref: xeroInvoice() }, differences: [{ field: 'amount', label: 'Amount', here: '$1.00', there: '$2.00' }] },
        ],
      });
      await api.post('/v1/records/lock', { ref: locked, reason: 'Posted to the ledger' });
      await api.post('/v1/pushes', { pushes: [{ ref: pushed, idempotencyKey: `push-${pushed.recordId}` }] });
      const refs = [linked, bill, failed, differing, locked, pushed];
      const { body } = await api.post('/v1/statuses/lookup', { refs });
      const feed = new Map((await api.get('/v1/changes?after=0')).body.changes.map((s: { key: string }) => [s.key, s]));
      expect(body.statuses).toEqual(refs.map((ref) => feed.get(recordKey(ref))));
      expect(body.statuses.map((s: { state: string }) => s.state)).toEqual(['synced', 'synced', 'failed', 'not_synced', 'not_synced', 'pending']);
      expect(body.statuses[4].lock).toMatchObject({ locked: true, reason: 'Posted to the ledger' });
      expect(body.statuses[0].lastSyncedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('links both ways: the counterpart answers with the record it came from', async () => {
      const { api } = await service.newTenant();
      const [cost, bill] = [procoreCost(), xeroBill()];
      await api.post('/v1/ingest', { records: [{ ...synced(cost, bill, 'BILL-7'), number: 'DC-7' }] });
      const { body } = await api.post('/v1/statuses/lookup', { refs: [bill] });
      expect(body.statuses[0]).toMatchObject({ state: 'synced', number: 'BILL-7', counterpart: { ref: cost, number: 'DC-7' } });
    });

    it('answers a repeated look-up from memory while nothing changed, and any change in the tenant at once', async () => {
      const { api, tenantId } = await service.newTenant();
      const [cost, bill, other] = [procoreCost(), xeroBill(), procoreCost()];
      await api.post('/v1/ingest', { records: [synced(cost, bill, 'BILL-0318')] });
      expect((await api.post('/v1/statuses/lookup', { refs: [cost] })).body.statuses[0].state).toBe('synced');
      // Changed behind the service's back (no change number taken): the remembered row answers.
      const { db } = service.database;
      await db.execute(sql`update records set state = 'failed' where tenant_id = ${tenantId} and key = ${recordKey(cost)}`);
      expect((await api.post('/v1/statuses/lookup', { refs: [cost] })).body.statuses[0].state).toBe('synced');
      // Any real write in the tenant moves its change number on: everything is read afresh.
      await api.post('/v1/ingest', { records: [{ ref: other, state: 'not_synced' }] });
      expect((await api.post('/v1/statuses/lookup', { refs: [cost, other] })).body.statuses.map((s: { state: string }) => s.state)).toEqual(['failed', 'not_synced']);
      // Pushes and locks are writes too.
      await api.post('/v1/records/lock', { ref: cost });
      expect((await api.post('/v1/statuses/lookup', { refs: [cost] })).body.statuses[0].lock.locked).toBe(true);
    });

    it('accepts 500 references and refuses 501', async () => {
      const { api } = await service.newTenant();
      const refs = Array.from({ length: 501 }, () => procoreCost());
      expect((await api.post('/v1/statuses/lookup', { refs: refs.slice(0, 500) })).status).toBe(200);
      const refused = await api.post('/v1/statuses/lookup', { refs });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'invalid_request', details: { issues: [{ path: 'refs' }] } });
    });

    it('refuses references that break the contract, naming the field', async () => {
      const { api } = await service.newTenant();
      const badId = await api.post('/v1/statuses/lookup', {
        // eslint-disable-next-line no-loss-of-precision -- a Zoho id sent as a number, exactly what must be refused
        refs: [{ system: 'zoho_books', recordType: 'bill', organizationId: '1', recordId: 5254962000000234567 }],
      });
      expect(badId.status).toBe(400);
      expect(badId.body.code).toBe('invalid_request');
      expect(JSON.stringify(badId.body.details)).toContain('refs.0');
    });
  });

  describe('ingestion', () => {
    it('shows the fields that differ from both sides of a link', async () => {
      const { api } = await service.newTenant();
      const [cost, bill] = [procoreCost(), xeroBill()];
      const differences = [{ field: 'amount', label: 'Amount', here: '$12,400.00', there: '$12,040.00' }];
      await api.post('/v1/ingest', { records: [{ ref: cost, state: 'not_synced', counterpart: { ref: bill }, differences }] });
      const { body } = await api.post('/v1/statuses/lookup', { refs: [cost, bill] });
      expect(body.statuses[0]).toMatchObject({ state: 'not_synced', differences });
      expect(body.statuses[1].differences).toEqual([{ ...differences[0], here: '$12,040.00', there: '$12,400.00' }]);
    });

    it('rejects a whole batch when one item is invalid, and writes nothing', async () => {
      const { api } = await service.newTenant();
      const good = procoreCost();
      const answer = await api.post('/v1/ingest', {
        records: [{ ref: good, state: 'not_synced' }, { ref: procoreCost(), state: 'failed' }],
      });
      expect(answer.status).toBe(400);
      expect(answer.body.details.issues[0].path).toBe('records.1.error');
      const { body } = await api.post('/v1/statuses/lookup', { refs: [good] });
      expect(body.statuses[0].state).toBe('unknown');
      expect((await api.get('/v1/changes?after=0')).body.changes).toEqual([]);
    });

    it('requires a counterpart for a synced record and at least one item', async () => {
      const { api } = await service.newTenant();
      expect((await api.post('/v1/ingest', { records: [{ ref: procoreCost(), state: 'synced' }] })).status).toBe(400);
      expect((await api.post('/v1/ingest', { records: [], events: [] })).status).toBe(400);
    });

    it('refuses a counterpart in the same system as the record', async () => {
      const { api } = await service.newTenant();
      const answer = await api.post('/v1/ingest', { records: [{ ref: procoreCost(), state: 'synced', counterpart: { ref: procoreCost() } }] });
      expect(answer.status).toBe(400);
      expect(answer.body.details.issues[0].path).toBe('records.0.counterpart.ref');
    });

    it('records reported events in the history', async () => {
      const { api } = await service.newTenant();
      const cost = procoreCost();
      await api.post('/v1/ingest', {
        records: [{ ref: cost, state: 'not_synced' }],
        events: [{ ref: cost, kind: 'changed', summary: 'Amount changed in Procore from $100 to $120' }],
      });
      const { body } = await api.post('/v1/records/history', { ref: cost });
      expect(body.events.map((e: { kind: string }) => e.kind)).toEqual(['changed', 'reported']);
      expect(body.events[0]).toMatchObject({ actor: 'Test user', summary: 'Amount changed in Procore from $100 to $120' });
    });
  });

  describe('lock and unlock', () => {
    it('locks a Procore record with who, when and why, then unlocks it', async () => {
      const { api } = await service.newTenant();
      const invoice = procoreOwnerInvoice();
      const locked = await api.post('/v1/records/lock', { ref: invoice, reason: 'Posted to the September ledger' });
      expect(locked.status).toBe(200);
      expect(locked.body.lock).toMatchObject({ locked: true, by: 'Test user', reason: 'Posted to the September ledger' });
      expect(Date.parse(locked.body.lock.at)).toBeGreaterThan(Date.now() - 60_000);
      const again = await api.post('/v1/records/lock', { ref: invoice });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'already_locked', details: { lockedBy: 'Test user' } });
      const unlocked = await api.post('/v1/records/unlock', { ref: invoice, reason: 'Retention corrected' });
      expect(unlocked.body.lock).toEqual({ locked: false, by: null, at: null, reason: null });
      const history = await api.post('/v1/records/history', { ref: invoice });
      expect(history.body.events.map((e: { summary: string }) => e.summary)).toEqual([
        'Unlocked: Retention corrected',
        'Locked: Posted to the September ledger',
      ]);
    });

    it('refuses to lock accounting records and to unlock what is not locked', async () => {
      const { api } = await service.newTenant();
      const lockBill = await api.post('/v1/records/lock', { ref: xeroBill() });
      expect(lockBill.status).toBe(422);
      expect(lockBill.body.code).toBe('not_lockable');
      expect(lockBill.body.message).toContain('Xero bill');
      const unlock = await api.post('/v1/records/unlock', { ref: procoreCost() });
      expect(unlock.status).toBe(409);
      expect(unlock.body.code).toBe('not_locked');
    });
  });

  describe('resolving a pasted address', () => {
    it('answers the record and its status', async () => {
      const { api } = await service.newTenant();
      const cost = procoreCost({ host: 'us02.procore.com' });
      await api.post('/v1/ingest', { records: [{ ref: cost, state: 'not_synced', number: 'DC-9' }] });
      const url = `https://us02.procore.com/${cost.system === 'procore' ? cost.projectId : ''}/project/direct_costs/${cost.recordId}/edit`;
      const { status, body } = await api.post('/v1/records/resolve-url', { url });
      expect(status).toBe(200);
      expect(body).toMatchObject({ ref: { recordType: 'direct_cost', recordId: cost.recordId }, status: { state: 'not_synced', number: 'DC-9' } });
    });

    it('refuses a list page, and any other page, with a reason', async () => {
      const { api } = await service.newTenant();
      const list = await api.post('/v1/records/resolve-url', { url: 'https://go.xero.com/AccountsPayable/Search.aspx?page=2' });
      expect(list.status).toBe(422);
      expect(list.body.code).toBe('list_page_url');
      expect(list.body.message).toMatch(/list, not one record/);
      const other = await api.post('/v1/records/resolve-url', { url: 'https://example.com/invoice/1' });
      expect(other.body.code).toBe('not_a_record_url');
    });

    it('tells spend from receive money by what the service has seen, and says so when it cannot', async () => {
      const { api } = await service.newTenant();
      const id = crypto.randomUUID();
      const url = `https://go.xero.com/Bank/ViewTransaction.aspx?bankTransactionID=${id}`;
      expect((await api.post('/v1/records/resolve-url', { url })).body.code).toBe('ambiguous_url');
      await api.post('/v1/ingest', { records: [{ ref: { system: 'xero', recordType: 'receive_money', recordId: id }, state: 'not_synced' }] });
      expect((await api.post('/v1/records/resolve-url', { url })).body.ref.recordType).toBe('receive_money');
    });
  });

  describe('error summary', () => {
    it('groups failures by type and code, counts them, and names what they depend on', async () => {
      const { api } = await service.newTenant();
      const blocked = (vendor: string) => ({
        ref: procoreCost(),
        state: 'failed',
        error: { code: 'vendor_not_mapped', message: `Vendor ${vendor} is not mapped.`, hint: 'Map the vendor.', blockedBy: { kind: 'vendor', name: vendor } },
      });
      await api.post('/v1/ingest', {
        records: [
          blocked('Acme Concrete'),
          blocked('Acme Concrete'),
          blocked('Bolt Steel'),
          { ref: xeroInvoice(), state: 'failed', error: { code: 'erp_rejected', message: 'Account 400 is archived.', hint: 'Pick another account.' } },
          { ref: procoreCost(), state: 'not_synced' },
        ],
      });
      const { body } = await api.get('/v1/errors/summary');
      expect(body.total).toBe(4);
      expect(body.groups).toHaveLength(2);
      expect(body.groups[0]).toMatchObject({
        label: 'Procore direct cost',
        code: 'vendor_not_mapped',
        count: 3,
        hint: 'Map the vendor.',
        blockers: [
          { kind: 'vendor', name: 'Acme Concrete', count: 2 },
          { kind: 'vendor', name: 'Bolt Steel', count: 1 },
        ],
      });
      expect(body.groups[0].explanation).toBe(
        '3 Procore direct costs could not be pushed because the vendor they need could not be matched in the other system: ' +
          'Acme Concrete (2), Bolt Steel (1). Fix those first, then re-sync.',
      );
      expect(body.groups[0].records).toHaveLength(3);
      expect(body.groups[0].records[0].url).toMatch(/^https:\/\/app\.procore\.com\//);
      expect(body.groups[1]).toMatchObject({ label: 'Xero invoice', code: 'erp_rejected', count: 1, explanation: '1 Xero invoice failed: Account 400 is archived.' });
    });
  });

  describe('change feed', () => {
    it('returns what changed after a cursor, page by page, and nothing more', async () => {
      const { api } = await service.newTenant();
      const refs = [procoreCost(), procoreCost(), procoreCost()];
      await api.post('/v1/ingest', { records: refs.map((ref) => ({ ref, state: 'not_synced' })) });
      const first = await api.get('/v1/changes?after=0&limit=2');
      expect(first.body.changes).toHaveLength(2);
      expect(first.body.hasMore).toBe(true);
      const second = await api.get(`/v1/changes?after=${first.body.cursor}&limit=2`);
      expect(second.body.changes).toHaveLength(1);
      expect(second.body.hasMore).toBe(false);
      const seen = [...first.body.changes, ...second.body.changes].map((s: { key: string }) => s.key).sort();
      expect(seen).toEqual(refs.map(recordKey).sort());
      const quiet = await api.get(`/v1/changes?after=${second.body.cursor}`);
      expect(quiet.body).toEqual({ changes: [], cursor: second.body.cursor, hasMore: false });
      // "latest" starts a follower at now, without walking the history.
      expect((await api.get('/v1/changes?after=latest')).body).toEqual({ changes: [], cursor: second.body.cursor, hasMore: false });
      await api.post('/v1/records/lock', { ref: refs[0] });
      const locked = await api.get(`/v1/changes?after=${second.body.cursor}`);
      expect(locked.body.changes).toMatchObject([{ key: recordKey(refs[0] as never), lock: { locked: true } }]);
    });

    it('refuses a cursor that is not one', async () => {
      const { api } = await service.newTenant();
      const answer = await api.get('/v1/changes?after=abc');
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('invalid_request');
    });
  });
});
