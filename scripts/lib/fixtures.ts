import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';

// Fixture pages for the browser tests, served at their real URLs (Chromium: context.route) or from
// a local HTTP server (Firefox, and Chromium when the extension's own background fetches must reach
// them). A fixture is a file under tests/e2e/fixtures/ or a literal HTML string.

export const FIXTURES_DIR = join(import.meta.dirname, '..', '..', 'tests', 'e2e', 'fixtures');

/** URL (or, for the local server, path) → fixture. A key ending in `*` matches every URL it prefixes. */
export type FixtureMap = Record<string, string>;

/** A website: its origin and its pages by path (`*` suffix as in FixtureMap). */
export interface Site {
  origin: string;
  pages: FixtureMap;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const isLiteral = (fixture: string) => fixture.trimStart().startsWith('<');

/** The body and content type of a fixture (a file path relative to fixtures/, or literal HTML). */
export function loadFixture(fixture: string): { body: string; contentType: string } {
  if (isLiteral(fixture)) return { body: fixture, contentType: TYPES['.html']! };
  const type = TYPES[extname(fixture)];
  if (!type) throw new Error(`fixture ${fixture}: unknown file type`);
  return { body: readFileSync(join(FIXTURES_DIR, fixture), 'utf8'), contentType: type };
}

/** The fixture for a URL: an exact key first, then the longest matching `*` prefix. */
export function matchFixture(map: FixtureMap, url: string): string | undefined {
  if (map[url] !== undefined) return map[url];
  let best: string | undefined;
  let bestLen = -1;
  for (const [key, fixture] of Object.entries(map)) {
    if (!key.endsWith('*')) continue;
    const prefix = key.slice(0, -1);
    if (url.startsWith(prefix) && prefix.length > bestLen) {
      best = fixture;
      bestLen = prefix.length;
    }
  }
  return best;
}

/** Full-URL fixture map of one or more sites, for routeFixtures(). */
export function routesOf(...sites: Site[]): FixtureMap {
  const out: FixtureMap = {};
  for (const site of sites) for (const [path, fixture] of Object.entries(site.pages)) out[site.origin + path] = fixture;
  return out;
}

export interface FixtureServer {
  port: number;
  /** Every request answered so far, in order: its Host header and path (with query). */
  requests: { host: string; path: string }[];
  /** http://127.0.0.1:PORT + path */
  url(path: string): string;
  close(): Promise<void>;
}

/** How the server misbehaves for some paths (site reading tests: slow and failing pages). */
export interface ServerQuirks {
  /** Path → milliseconds to wait before answering. */
  delayMs?: Record<string, number>;
  /** Path → HTTP status to answer with instead of the fixture (e.g. 500). */
  status?: Record<string, number>;
}

/**
 * A local HTTP server on 127.0.0.1 (random port) answering `pages` by path and query (any Host
 * header, so Chromium's --host-resolver-rules can point real hostnames at it); 404 otherwise.
 * It records every request (`requests`), so tests can prove what was and was not fetched.
 */
export async function startFixtureServer(pages: FixtureMap, quirks: ServerQuirks = {}): Promise<FixtureServer> {
  const requests: { host: string; path: string }[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://fixture.invalid').pathname;
    requests.push({ host: (req.headers.host ?? '').replace(/:\d+$/, ''), path: req.url ?? '/' });
    const delay = quirks.delayMs?.[path];
    if (delay) {
      const timer = setTimeout(() => !res.destroyed && answer(req.url ?? '/', path, res), delay);
      timer.unref();
      res.on('close', () => clearTimeout(timer));
      return;
    }
    answer(req.url ?? '/', path, res);
  });
  const answer = (url: string, path: string, res: ServerResponse) => {
    const status = quirks.status?.[path];
    if (status) {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(`<!doctype html><title>${status}</title><h1>Error ${status}</h1>`);
      return;
    }
    const fixture = matchFixture(pages, url) ?? matchFixture(pages, path);
    if (fixture === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no fixture');
      return;
    }
    try {
      const { body, contentType } = loadFixture(fixture);
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
