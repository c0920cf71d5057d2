/**
 * Hostile uploads to the web host: foreign Host and Origin headers, malformed percent-encoding, a folder name that
 * tries to climb out, the wrong method — each refused with a client error, nothing written outside the upload area.
 */
import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Host } from '../../electron/host/host';
import { startWebHost, type WebHost } from '../../electron/web';

describe('hostile uploads', () => {
  let web: WebHost;
  let host: Host;
  let dir: string;

  const upload = (urlPath: string, headers: Record<string, string> = {}, method = 'PUT'): Promise<{ status: number; body: string }> => new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: web.port, method, path: urlPath,
      headers: { Host: `127.0.0.1:${web.port}`, Authorization: `Bearer ${web.token}`, 'Content-Type': 'application/octet-stream', ...headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end('BYTES');
  });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vep-upload-hostile-'));
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    host = new Host({ transport: 'web', projectPath: null });
    web = await startWebHost({ host, rendererDir: path.join(dir, 'renderer'), port: 0 });
  });

  afterAll(async () => {
    await web.close();
    await host.close();
  });

  it('refuses a foreign Host header and a foreign Origin before reading the body', async () => {
    expect((await upload('/upload/b/a.shp', { Host: 'evil.example' })).status).toBe(421);
    expect((await upload('/upload/b/a.shp', { Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('answers malformed percent-encoding with 400, not an internal error', async () => {
    const reply = await upload('/upload/b/%E0%A4%A.shp');
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error.code).toBe('INVALID_ARGUMENT');
  });

  it('refuses methods other than PUT and extra path parts', async () => {
    expect((await upload('/upload/b/a.shp', {}, 'POST')).status).toBe(405);
    expect((await upload('/upload/a/b/c.shp')).status).toBe(400);
    // An encoded dot-dot folder is resolved away before routing: the request is no longer an upload at all.
    expect((await upload('/upload/%2e%2e/x.shp')).status).toBe(401);
  });

  it('wrote nothing next to the renderer folder', () => {
    expect(readdirSync(dir).sort()).toEqual(['renderer']);
    expect(readdirSync(path.join(dir, 'renderer'))).toEqual(['index.html']);
  });
});
