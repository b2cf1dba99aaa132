// A readable, self-contained page for the OpenAPI document: each operation with its scope,
// request and answers. No scripts or assets from elsewhere, so it works on closed networks.

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface Document {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

function schemaName(schema: unknown): string {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref ? ref.split('/').at(-1) ?? 'object' : 'inline schema';
}

function renderOperation(method: string, path: string, op: Operation): string {
  const body = op.requestBody?.content?.['application/json']?.schema;
  const answers = Object.entries(op.responses ?? {})
    .map(([status, answer]) => {
      const schema = answer.content?.['application/json']?.schema;
      return `<li><code>${status}</code> ${escape(answer.description ?? '')}${schema ? ` <span class="schema">${escape(schemaName(schema))}</span>` : ''}</li>`;
    })
    .join('');
  return `<section class="op" id="${escape(`${method}-${path}`)}">
  <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h3>
  <p class="summary">${escape(op.summary ?? '')}</p>
  <p>${escape(op.description ?? '')}</p>
  ${body ? `<p>Body: <span class="schema">${escape(schemaName(body))}</span></p>` : ''}
  <ul>${answers}</ul>
</section>`;
}

export function renderDocsPage(doc: Document): string {
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'Other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, op)]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escape(tag)}</h2>${ops.join('\n')}`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(doc.info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
  body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
  .op { border: 1px solid #8884; border-radius: 8px; padding: 0 1rem; margin: 1rem 0; }
  .method { font-size: .8rem; padding: .1rem .4rem; border-radius: 4px; color: #fff; background: #2563eb; }
  .method.get { background: #059669; } .method.delete { background: #dc2626; }
  .summary { font-weight: 600; } .schema { font-family: monospace; background: #8882; padding: 0 .3rem; }
</style></head>
<body>
<h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>
<p>${escape(doc.info.description ?? '')}</p>
<p>The machine-readable document is at <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Every request
except <code>/healthz</code> needs <code>Authorization: Bearer &lt;token&gt;</code>; every refusal has the body
<code>{"code", "message", "details"}</code>.</p>
${sections}
</body></html>`;
}
