// The typed client for integrations is generated from the OpenAPI document the service serves.
import openapiTS, { astToString } from 'openapi-typescript';

export const header = "// Generated from the sync-status service's /openapi.json by `npm run client:generate`. Do not edit.\n";

export async function clientTypesFrom(document: unknown): Promise<string> {
  return header + astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
}
