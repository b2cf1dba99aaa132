// `npm run client:generate`: regenerates server/client/schema.d.ts from the served OpenAPI document.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app';
import { openDatabase } from '../src/db/connect';
import { clientTypesFrom } from '../client/generate';

const database = await openDatabase({ inMemory: true });
try {
  const app = createApp({ db: database.db, engine: database.engine, config: { rateLimitPerMinute: 1, bodyLimitBytes: 1024 } });
  const document: unknown = await (await app.request('/openapi.json')).json();
  const target = fileURLToPath(new URL('../client/schema.d.ts', import.meta.url));
  await writeFile(target, await clientTypesFrom(document));
  console.info(`Wrote ${target}`);
} finally {
  await database.close();
}
