// Tenants and their API tokens. A token is shown once; only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Scope } from '../../../lib/contract/api';
import type { Database } from '../db/connect';
import { apiTokens, tenants } from '../db/schema';

export interface Caller {
  tenantId: string;
  tenantName: string;
  tokenId: string;
  tokenName: string;
  scopes: Scope[];
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createTenant(db: Database, name: string): Promise<{ id: string; name: string }> {
  const [tenant] = await db.insert(tenants).values({ name }).returning({ id: tenants.id, name: tenants.name });
  if (!tenant) throw new Error('The tenant was not created');
  return tenant;
}

export async function createToken(
  db: Database,
  tenantId: string,
  name: string,
  scopes: Scope[],
  /** A chosen token, for demos; otherwise 32 random bytes. */
  token = `sst_${randomBytes(32).toString('base64url')}`,
) {
  const [row] = await db
    .insert(apiTokens)
    .values({ tenantId, name, scopes, tokenHash: hashToken(token) })
    .returning({ id: apiTokens.id });
  if (!row) throw new Error('The token was not created');
  return { id: row.id, name, scopes, token };
}

export async function findCaller(db: Database, token: string): Promise<Caller | null> {
  const [row] = await db
    .select({
      tenantId: tenants.id,
      tenantName: tenants.name,
      tokenId: apiTokens.id,
      tokenName: apiTokens.name,
      scopes: apiTokens.scopes,
    })
    .from(apiTokens)
    .innerJoin(tenants, eq(tenants.id, apiTokens.tenantId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  return row ? { ...row, scopes: row.scopes as Scope[] } : null;
}

/** Revokes a token of the caller's own tenant; false when there is no such live token. */
export async function revokeToken(db: Database, tenantId: string, tokenId: string): Promise<boolean> {
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.tenantId, tenantId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}
