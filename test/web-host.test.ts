import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Host } from '../electron/host/host';
import { startWebHost, type WebHost } from '../electron/web';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send the Host/Origin headers a browser would not let us forge. */
function send(web: WebHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${web.port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web host', () => {
  let web: WebHost;
  let host: Host;
  const json = (token?: string) => ({ 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) });

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-web-'));
    const rendererDir = path.join(dir, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>VEP</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer folder');
    host = new Host({ transport: 'web', projectPath: null });
    web = await startWebHost({ host, rendererDir, port: 0 });
  });

  afterAll(async () => {
    await web.close();
    await host.close();
  });

  it('listens on 127.0.0.1 and prints a URL with a long random token', () => {
    expect(web.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('refuses the page without the token or with a wrong one', async () => {
    expect((await send(web, { path: '/' })).status).toBe(401);
    expect((await send(web, { path: '/?token=wrong' })).status).toBe(401);
    expect((await send(web, { path: '/assets/app.js' })).status).toBe(401);
  });

  it('serves the page with the token and sets a strict cookie for the assets', async () => {
    const page = await send(web, { path: `/?token=${web.token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>VEP</title>');
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const asset = await send(web, { path: '/assets/app.js', headers: { Cookie: `vep_token=${web.token}` } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers API calls only with the bearer token, never with the cookie alone', async () => {
    expect((await send(web, { method: 'POST', path: '/api/app:info', headers: json() })).status).toBe(401);
    expect((await send(web, { method: 'POST', path: '/api/app:info', headers: { ...json(), Cookie: `vep_token=${web.token}` } })).status).toBe(401);
    const ok = await send(web, { method: 'POST', path: '/api/app:info', headers: json(web.token) });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).value).toMatchObject({ name: 'VEP Studio', transport: 'web' });
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await send(web, { method: 'POST', path: '/api/app:info', headers: { ...json(web.token), Host: `evil.example:${web.port}` } })).status).toBe(421);
    expect((await send(web, { path: `/?token=${web.token}`, headers: { Host: 'evil.example' } })).status).toBe(421);
    expect((await send(web, { method: 'POST', path: '/api/app:info', headers: { ...json(web.token), Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await send(web, { method: 'POST', path: '/api/app:info', headers: { ...json(web.token), Origin: `http://127.0.0.1:${web.port}` } })).status).toBe(200);
  });

  it('validates channels and requests at the boundary', async () => {
    const unknown = await send(web, { method: 'POST', path: '/api/fs:delete', headers: json(web.token), body: '{}' });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error.code).toBe('INVALID_ARGUMENT');
    const bad = await send(web, { method: 'POST', path: '/api/job:cancel', headers: json(web.token), body: JSON.stringify({ jobId: '../../etc' }) });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ name: 'InputError', code: 'INVALID_ARGUMENT' });
    const extra = await send(web, { method: 'POST', path: '/api/job:cancel', headers: json(web.token), body: JSON.stringify({ jobId: 'a1', path: '/etc/passwd' }) });
    expect(extra.status).toBe(400);
    const broken = await send(web, { method: 'POST', path: '/api/app:info', headers: json(web.token), body: '{not json' });
    expect(broken.status).toBe(400);
    const cancel = await send(web, { method: 'POST', path: '/api/job:cancel', headers: json(web.token), body: JSON.stringify({ jobId: 'nothing-running' }) });
    expect(JSON.parse(cancel.body).value).toEqual({ cancelled: false });
  });

  it('never serves files outside the renderer folder', async () => {
    const cookie = { Cookie: `vep_token=${web.token}` };
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const reply = await send(web, { path: p, headers: cookie });
      expect([403, 404], p).toContain(reply.status);
      expect(reply.body).not.toContain('outside the renderer folder');
    }
  });

  it('answers malformed tile paths with 404', async () => {
    expect((await send(web, { path: '/tiles/dltb/40/1/1.pbf', headers: { Authorization: `Bearer ${web.token}` } })).status).toBe(404);
    // Dot segments are resolved before routing, so this is no longer a tile path: a static path without the cookie.
    expect((await send(web, { path: '/tiles/../x/1/1/1.pbf', headers: { Authorization: `Bearer ${web.token}` } })).status).toBe(401);
  });
});
