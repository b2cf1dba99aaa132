// A switchable fault in front of the real test service: the extension is signed in to this proxy,
// which passes every request on to the service until a test makes it misbehave (refuse
// connections, answer 500, malformed JSON or JSON that breaks the contract, a storm of 429s, or
// answer later than the client waits). It writes down every request it receives.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the service seems to do. */
export type Fault =
  /** Passes requests on and their answers back: the healthy service. */
  | { kind: 'none' }
  /** Nothing listens at the address: connections are refused. */
  | { kind: 'down' }
  /** Answers this instead of passing the request on. */
  | { kind: 'answer'; status: number; body: string; headers?: Record<string, string> }
  /** Passes the request on (the service does the work) but holds the answer back this long. */
  | { kind: 'late'; ms: number };

export const serverError: Fault = { kind: 'answer', status: 500, body: JSON.stringify({ code: 'internal_error', message: 'Something broke' }) };
export const malformedJson: Fault = { kind: 'answer', status: 200, body: '{"statuses": [{"key": "xero/invoice/' };
/** Valid JSON whose every field is of the wrong kind for every answer of the contract. */
export const brokenContract: Fault = {
  kind: 'answer',
  status: 200,
  body: JSON.stringify({ statuses: [{ key: 42, state: 'teleported' }], jobs: 'none', changes: null, cursor: 7, id: false, state: 'teleported' }),
};
export const rateLimited = (retryAfterSeconds: number): Fault => ({
  kind: 'answer',
  status: 429,
  body: JSON.stringify({ code: 'rate_limited', message: 'Too many requests' }),
  headers: { 'retry-after': String(retryAfterSeconds) },
});

export interface ReceivedRequest {
  /** Epoch ms. */
  at: number;
  method: string;
  /** The path without its query, e.g. /v1/statuses/lookup. */
  path: string;
  /** The fault in force when it arrived. */
  fault: Fault['kind'];
  /** What it carried (JSON for a POST, empty for a GET). */
  body: string;
  /** Epoch ms when its answer went back; null while it has none. */
  answeredAt: number | null;
}

export interface FaultProxy {
  url: string;
  /** From now on, every request meets this fault. */
  set(fault: Fault): Promise<void>;
  /** Every request received so far (preflights left out: the browser's, not the extension's). */
  received(): ReceivedRequest[];
  stop(): Promise<void>;
}

/** What the real service adds to every /v1/ answer, so that the browser lets the extension read a canned one. */
const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Retry-After' };

export async function startFaultProxy(serviceUrl: string): Promise<FaultProxy> {
  let fault: Fault = { kind: 'none' };
  const received: ReceivedRequest[] = [];

  async function passOn(request: IncomingMessage, body: Buffer, response: ServerResponse, holdMs: number, log?: ReceivedRequest) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string' && name !== 'host') headers.set(name, value);
    const answer = await fetch(new URL(request.url ?? '/', serviceUrl), {
      method: request.method,
      headers,
      body: body.length > 0 ? new Uint8Array(body) : undefined,
    });
    const answered = Buffer.from(await answer.arrayBuffer());
    if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
    // The client may have given up meanwhile: the work is done, the answer goes nowhere.
    if (response.destroyed) return;
    const passed: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'connection') passed[name] = value;
    });
    response.writeHead(answer.status, passed).end(answered);
    if (log) log.answeredAt = Date.now();
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = new URL(request.url ?? '/', 'http://proxy').pathname;
    const current = fault; // as it was when the request came, whatever a test sets meanwhile
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    // Preflights are the browser's own, answered from the service's CORS rules whatever the fault.
    if (request.method === 'OPTIONS') return passOn(request, body, response, 0);
    const log: ReceivedRequest = { at: Date.now(), method: request.method ?? 'GET', path, fault: current.kind, body: body.toString('utf8'), answeredAt: null };
    received.push(log);
    if (current.kind === 'answer') {
      response.writeHead(current.status, { 'content-type': 'application/json', ...CORS, ...current.headers }).end(current.body);
      log.answeredAt = Date.now();
      return;
    }
    await passOn(request, body, response, current.kind === 'late' ? current.ms : 0, log);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // The service itself failed to answer the proxy: say so as a gateway would.
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain', ...CORS }).end(String(error));
    });
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      // Open keep-alive connections would otherwise go on answering.
      server.closeAllConnections();
    });

  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async set(next) {
      if (next.kind === 'down') await close();
      else if (!server.listening) await listen(port);
      fault = next;
    },
    received: () => received.map((entry) => ({ ...entry })),
    stop: close,
  };
}
