import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Serves tests/fixtures/pages on 127.0.0.1 for the end-to-end tests, the demo and the benchmark.
 * `?csp=strict` adds a strict Content-Security-Policy header to test pages that forbid inline styles.
 */
const ROOT = fileURLToPath(new URL('./fixtures/pages/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
export const STRICT_CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; frame-src 'self'";

/** The reader's test PDFs, generated with pdf-lib on first request (tests/pdf/make-pdfs.ts). */
const pdfs = new Map<string, Promise<Uint8Array | undefined>>();
/** Declared size of /pdf/huge.pdf: past the reader's limit; the body never comes. */
export const HUGE_PDF_BYTES = 300 * 1024 * 1024;

async function servePdf(name: string, res: import('node:http').ServerResponse): Promise<void> {
  if (name === 'huge.pdf') {
    res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(HUGE_PDF_BYTES), 'cache-control': 'no-store' });
    res.flushHeaders();
    setTimeout(() => res.destroy(), 5000);
    return;
  }
  if (!pdfs.has(name)) pdfs.set(name, import('./pdf/make-pdfs').then((m) => (Object.hasOwn(m.PDF_FIXTURES, name) ? m.PDF_FIXTURES[name]!() : undefined)));
  const bytes = await pdfs.get(name);
  if (!bytes) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(bytes.length), 'cache-control': 'no-store' }).end(Buffer.from(bytes));
}

export function startFixtureServer(port: number, extraRoots: Record<string, string> = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/pdf/')) {
      void servePdf(decodeURIComponent(url.pathname.slice('/pdf/'.length)), res);
      return;
    }
    const [prefix, root] = Object.entries(extraRoots).find(([p]) => url.pathname.startsWith(`/${p}/`)) ?? ['', ROOT];
    const relative = normalize(decodeURIComponent(url.pathname.slice(prefix ? prefix.length + 2 : 1)) || 'index.html');
    const file = join(root, relative);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string> = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (url.searchParams.get('csp') === 'strict') headers['content-security-policy'] = STRICT_CSP;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise<{ close: () => Promise<void> }>((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({ close: () => new Promise((r) => server.close(() => r())) }));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 4178);
  void startFixtureServer(port).then(() => console.log(`fixture server on http://127.0.0.1:${port}/`));
}
