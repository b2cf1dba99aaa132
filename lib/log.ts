// One way to report our own failures: prefixed, with context, and never thrown into the host page.

const PREFIX = '[ERP Sync Inspector]';

export function logError(where: string, error: unknown, context: Record<string, unknown> = {}): void {
  console.error(`${PREFIX} ${where}:`, error, context);
}
