// `npm run server:admin -- <command>`: tenants and tokens, and the demo data.
//   create-tenant "<name>" [--token <name>=<scope,scope>]...   a tenant and its tokens
//   create-token <tenant-id> "<name>" <scope,scope>            one more token for a tenant
//   seed                                                       the demo tenant, tokens and records
// With the embedded database, stop the service first: one process at a time may open DATA_DIR.
import { type Scope, scopeSchema } from '../../lib/contract/api';
import { readConfig } from './config';
import { type Database, openDatabase } from './db/connect';
import { seedDemo } from './demo/seed';
import { createTenant, createToken } from './store/tenants';

const usage = `Usage:
  npm run server:admin -- create-tenant "<name>" [--token <name>=<scope,scope>]...
  npm run server:admin -- create-token <tenant-id> "<name>" <scope,scope>
  npm run server:admin -- seed
Scopes: ${scopeSchema.options.join(', ')}`;

function parseScopes(list: string): Scope[] {
  return list.split(',').map((scope) => {
    const parsed = scopeSchema.safeParse(scope.trim());
    if (!parsed.success) throw new Error(`Unknown scope "${scope}". Scopes: ${scopeSchema.options.join(', ')}`);
    return parsed.data;
  });
}

async function run(db: Database, [command, ...args]: string[]) {
  switch (command) {
    case 'create-tenant': {
      const [name, ...rest] = args;
      if (!name) throw new Error(usage);
      const tenant = await createTenant(db, name);
      console.info(`Tenant "${tenant.name}": ${tenant.id}`);
      for (let i = 0; i < rest.length; i += 2) {
        const [tokenName, scopes] = (rest[i] === '--token' ? (rest[i + 1] ?? '') : '').split('=');
        if (!tokenName || !scopes) throw new Error(`Expected --token <name>=<scope,scope>\n${usage}`);
        const token = await createToken(db, tenant.id, tokenName, parseScopes(scopes));
        console.info(`Token "${token.name}" (${token.scopes.join(', ')}): ${token.token}`);
      }
      return;
    }
    case 'create-token': {
      const [tenantId, name, scopes] = args;
      if (!tenantId || !name || !scopes) throw new Error(usage);
      const token = await createToken(db, tenantId, name, parseScopes(scopes));
      console.info(`Token "${token.name}" (${token.scopes.join(', ')}): ${token.token}`);
      return;
    }
    case 'seed': {
      const demo = await seedDemo(db);
      console.info(`Demo tenant "${demo.tenant.name}": ${demo.tenant.id}`);
      for (const token of demo.tokens) console.info(`Token "${token.name}" (${token.scopes.join(', ')}): ${token.token}`);
      console.info(`${demo.records} records reported.`);
      return;
    }
    default:
      throw new Error(usage);
  }
}

async function main() {
  const config = readConfig();
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  try {
    await run(database.db, process.argv.slice(2));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
