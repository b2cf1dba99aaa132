// Loads the demo company into a database: a tenant, a token for the extension and one for the
// integration, and the demo records as the integration would report them.
import type { Database } from '../db/connect';
import { ingest } from '../store/ingest';
import { createTenant, createToken } from '../store/tenants';
import { demoCompany, demoReports } from './dataset';

export async function seedDemo(db: Database) {
  const tenant = await createTenant(db, demoCompany.name);
  const extension = await createToken(db, tenant.id, 'Demo bookkeeper', ['read', 'push', 'lock']);
  const integration = await createToken(db, tenant.id, 'Demo integration', ['ingest', 'read']);
  const admin = await createToken(db, tenant.id, 'Demo administrator', ['admin', 'read']);
  const records = demoReports();
  await ingest(db, tenant.id, integration.name, { records, events: [] });
  return { tenant, tokens: [extension, integration, admin], records: records.length };
}
