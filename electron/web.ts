/**
 * Door 2, the web host: the built renderer and the same API over HTTP, for browser mode and end-to-end tests.
 *
 * Security model (docs/security.md):
 *  - listens on 127.0.0.1 only;
 *  - a random per-run token: the page is opened as `/?token=…`, which sets a SameSite=Strict HttpOnly cookie for the
 *    static files; API and tile calls must carry the token in the `Authorization: Bearer` header (so a cookie alone
 *    never authorises an action — no CSRF), compared in constant time;
 *  - the Host header must name this server (127.0.0.1:PORT or localhost:PORT) — DNS-rebinding protection — and a
 *    request with an Origin header must come from this server's own origin;
 *  - static paths are resolved inside the renderer folder only (no traversal); strict CSP and no-referrer headers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch } from './host/dispatch';
import type { Host } from './host/host';
import { CONTENT_SECURITY_POLICY } from './host/security';
import { parseTilePath } from './host/tile-route';
import { createUploadArea } from './web-upload';

export interface WebHostOptions {
  host: Host;
  /** Folder of the built renderer (index.html + assets). */
  rendererDir: string;
  /** 0 = any free port. */
  port?: number;
  /** Fixed token for tests; random by default. */
  token?: string;
}

export interface WebHost {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const TOKEN_COOKIE = 'vep_token';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pbf': 'application/x-protobuf',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererDir = path.resolve(options.rendererDir);
  const uploads = createUploadArea();
  let port = 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('vep web host:', e);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!isOwnHost(req.headers.host, port)) return send(res, 421, 'text/plain; charset=utf-8', 'misdirected request');
    if (req.headers.origin !== undefined && !isOwnOrigin(req.headers.origin, port)) return send(res, 403, 'text/plain; charset=utf-8', 'foreign origin');

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/tiles/') || url.pathname.startsWith('/upload/')) {
      if (!hasToken(bearer(req.headers.authorization), token)) return send(res, 401, 'text/plain; charset=utf-8', 'missing or wrong token');
      if (url.pathname.startsWith('/upload/')) return uploads.handle(req, res, url.pathname.slice('/upload/'.length));
      if (url.pathname === '/api/events') return streamEvents(req, res, options.host);
      if (url.pathname.startsWith('/tiles/')) return serveTile(res, options.host, url.pathname);
      const channel = decodePath(url.pathname.slice('/api/'.length));
      if (channel === null) return send(res, 400, 'text/plain; charset=utf-8', 'malformed percent-encoding');
      return serveApi(req, res, options.host, channel);
    }

    // Static files: the first visit carries ?token=…; later ones the cookie it sets.
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && hasToken(queryToken, token)) {
      res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    } else if (!hasToken(cookie(req.headers.cookie, TOKEN_COOKIE), token)) {
      return send(res, 401, 'text/plain; charset=utf-8', 'missing or wrong token: open the URL printed by `vep serve`');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed');
    return serveStatic(res, rendererDir, url.pathname);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => {
        uploads.dispose();
        resolve();
      });
    }),
  };
}

async function serveApi(req: IncomingMessage, res: ServerResponse, host: Host, channel: string): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'use POST');
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain; charset=utf-8', 'expected application/json');
  let body: unknown;
  try {
    const text = await readBody(req, MAX_BODY_BYTES);
    body = text.length === 0 ? undefined : JSON.parse(text);
  } catch (e) {
    return send(res, 400, 'text/plain; charset=utf-8', e instanceof Error ? e.message : 'bad request');
  }
  const result = await dispatch(host, channel, body);
  res.setHeader('Cache-Control', 'no-store');
  if (result.ok) send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ value: result.value ?? null }));
  else send(res, result.error.code === 'BUG' ? 500 : 400, 'application/json; charset=utf-8', JSON.stringify({ error: result.error }));
}

async function serveTile(res: ServerResponse, host: Host, pathname: string): Promise<void> {
  const tile = parseTilePath(pathname.slice('/tiles/'.length));
  if (tile === null) return send(res, 404, 'text/plain; charset=utf-8', 'no such tile');
  const bytes = await host.tile(tile.layerId, tile.z, tile.x, tile.y);
  res.setHeader('Cache-Control', 'no-store');
  if (bytes === null || bytes.byteLength === 0) {
    res.writeHead(204);
    res.end();
    return;
  }
  send(res, 200, 'application/x-protobuf', bytes);
}

function streamEvents(req: IncomingMessage, res: ServerResponse, host: Host): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = host.onEvent((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

function serveStatic(res: ServerResponse, rendererDir: string, pathname: string): void {
  const relative = decodePath(pathname === '/' ? '/index.html' : pathname);
  if (relative === null) return send(res, 400, 'text/plain; charset=utf-8', 'malformed percent-encoding');
  const file = path.resolve(rendererDir, `.${relative}`);
  if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) return send(res, 403, 'text/plain; charset=utf-8', 'forbidden');
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    size = stat.size;
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'not found');
  }
  res.writeHead(200, { 'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': size });
  createReadStream(file).pipe(res);
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength });
  res.end(body);
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error(`request body exceeds ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The decoded path, or null when its percent-encoding is malformed (a client error, not an internal one). */
function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** Host header must name this very server: blocks DNS rebinding (a foreign name resolving to 127.0.0.1). */
function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function bearer(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? '');
  return m ? m[1] : null;
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === name && v !== undefined) return v;
  }
  return null;
}

function hasToken(candidate: string | null, token: string): boolean {
  if (candidate === null) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
