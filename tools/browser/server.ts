/**
 * A tiny static server for fixture and demo console pages on 127.0.0.1 (a random free port).
 * Used by the browser tests, the browser benchmarks and `npm run demo`. It serves one folder, or several
 * folders each under a URL prefix (`{ '/': fixtures, '/demo/': demoDir }`).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The fixture console pages the browser tests and benchmarks open (data only; no test code is imported). */
export const FIXTURE_CONSOLES_DIR = resolve(import.meta.dirname, '../../tests/fixtures/consoles');

/** The demo console page and its script (`npm run demo`, the demo's browser test). */
export const DEMO_DIR = resolve(import.meta.dirname, '../../demo');

/** The editor fixture consoles, bundled by tools/browser/editor-fixtures.ts (git-ignored). */
export const EDITOR_FIXTURES_DIR = resolve(import.meta.dirname, '../../.tmp/editor-fixtures');

/** URL prefix → folder; the longest matching prefix serves a request. */
export type Mounts = Record<string, string>;

/** What the browser tests serve: fixture consoles at /, the demo at /demo/, the editor consoles at /editors/. */
export const FIXTURE_MOUNTS: Mounts = {
  '/': FIXTURE_CONSOLES_DIR,
  '/demo/': DEMO_DIR,
  '/editors/': EDITOR_FIXTURES_DIR,
};

function locate(mounts: Mounts, path: string): string | undefined {
  const prefix = Object.keys(mounts)
    .filter((p) => path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return undefined;
  const root = resolve(mounts[prefix]);
  const rest = path.slice(prefix.length);
  const file = normalize(join(root, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest));
  return file.startsWith(root) ? file : undefined;
}

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export async function serveStatic(root: string | Mounts, port = 0): Promise<StaticServer> {
  const mounts: Mounts = typeof root === 'string' ? { '/': root } : root;
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = locate(mounts, path);
    if (!file) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p: string) => origin + (p.startsWith('/') ? p : `/${p}`),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
