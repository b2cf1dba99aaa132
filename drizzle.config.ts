import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration into server/migrations after a schema change.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/schema.ts',
  out: './server/migrations',
});
