/**
 * A local HTTP server for pack subscriptions in browser tests: files and answers that the test changes while
 * it runs (a new pack, a 404, an HTML page, a redirect elsewhere, a broken JSON), ETag / If-None-Match like a
 * real web server, the fixture console pages under `/consoles/`, and a log of every request it received
 * (method, path, headers) so that a test can say exactly who asked for what.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { FIXTURE_CONSOLES_DIR } from './server';

export interface Answer {
  status?: number;
  type?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Send an ETag (hash of the body) and answer If-None-Match with 304. Default true. */
  etag?: boolean;
}

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  bodyBytes: number;
}

export interface PackServer {
  origin: string;
  url(path: string): string;
  set(path: string, answer: Answer): void;
  log: LoggedRequest[];
  close(): Promise<void>;
}

export async function servePacks(): Promise<PackServer> {
  const answers = new Map<string, Answer>();
  const log: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let bodyBytes = 0;
    req.on('data', (c: Buffer) => (bodyBytes += c.length));
    req.on('end', () => {
      log.push({ method: req.method ?? '', path: url.pathname + url.search, headers: req.headers, bodyBytes });
      const answer = answers.get(url.pathname);
      if (answer) {
        const body = answer.body ?? '';
        const headers: Record<string, string> = { 'cache-control': 'no-cache', ...answer.headers };
        if (answer.type) headers['content-type'] = answer.type;
        if (answer.etag !== false && (answer.status ?? 200) === 200) {
          const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
          headers.etag = etag;
          if (req.headers['if-none-match'] === etag) return res.writeHead(304, headers).end();
        }
        return res.writeHead(answer.status ?? 200, headers).end(body);
      }
      if (url.pathname.startsWith('/consoles/')) {
        const file = normalize(join(FIXTURE_CONSOLES_DIR, url.pathname.slice('/consoles/'.length)));
        if (file.startsWith(FIXTURE_CONSOLES_DIR) && statSync(file, { throwIfNoEntry: false })?.isFile()) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return void createReadStream(file).pipe(res);
        }
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => origin + p,
    set: (path, answer) => void answers.set(path, answer),
    log,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
