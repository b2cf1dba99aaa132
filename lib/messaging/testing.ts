// For tests: a full handler map from the few handlers a test cares about; any other method fails loudly.
import { backgroundMethods, type MethodName } from './protocol';
import type { Handlers } from './router';

export function handlersFor(some: Partial<Handlers>): Handlers {
  const all = Object.fromEntries(
    (Object.keys(backgroundMethods) as MethodName[]).map((method) => [
      method,
      some[method] ??
        (async () => {
          throw new Error(`This test did not expect a call to ${method}`);
        }),
    ]),
  );
  return all as Handlers;
}
