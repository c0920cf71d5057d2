import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Host } from '../electron/host/host';
import { startWebHost, type WebHost } from '../electron/web';
import { safeName } from '../electron/web-upload';

function put(web: WebHost, urlPath: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, method: 'PUT', path: urlPath, headers: { Host: `127.0.0.1:${web.port}`, 'Content-Type': 'application/octet-stream', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('web host upload', () => {
  let web: WebHost;
  let host: Host;
  const auth = () => ({ Authorization: `Bearer ${web.token}` });

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-upload-'));
    mkdirSync(path.join(dir, 'renderer'));
    writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
    host = new Host({ transport: 'web', projectPath: null });
    web = await startWebHost({ host, rendererDir: path.join(dir, 'renderer'), port: 0 });
  });

  afterAll(async () => {
    await web.close();
    await host.close();
  });

  it('refuses an upload without the token', async () => {
    expect((await put(web, '/upload/b1/a.txt', 'x')).status).toBe(401);
  });

  it('stores the body in the batch folder and answers its path; files of a batch share the folder', async () => {
    const shp = await put(web, '/upload/b1/%E5%9C%B0%E7%B1%BB.shp', 'SHAPE', auth());
    const dbf = await put(web, '/upload/b1/%E5%9C%B0%E7%B1%BB.dbf', 'TABLE', auth());
    expect(shp.status).toBe(200);
    const shpPath = (JSON.parse(shp.body) as { path: string }).path;
    const dbfPath = (JSON.parse(dbf.body) as { path: string }).path;
    expect(path.basename(shpPath)).toBe('地类.shp');
    expect(path.dirname(shpPath)).toBe(path.dirname(dbfPath));
    expect(readFileSync(shpPath, 'utf8')).toBe('SHAPE');
  });

  it('keeps names inside the upload folder', async () => {
    const r = await put(web, '/upload/..%2F..%2Fetc/..%2Fpasswd', 'x', auth());
    expect(r.status).toBe(200);
    const p = (JSON.parse(r.body) as { path: string }).path;
    expect(p.startsWith(path.join(os.tmpdir(), 'vep-uploads-'))).toBe(true);
    expect(p.includes(`..${path.sep}`)).toBe(false);
    expect(existsSync('/etc/passwd_')).toBe(false);
    expect((await put(web, '/upload/b2/..', 'x', auth())).status).toBe(400);
    expect((await put(web, '/upload/only-one-part', 'x', auth())).status).toBe(400);
  });

  it('refuses a body declared larger than the limit before reading it', async () => {
    const r = await put(web, '/upload/b3/big.zip', '', { ...auth(), 'Content-Length': String(3 * 1024 ** 3) });
    expect(r.status).toBe(413);
    expect((JSON.parse(r.body) as { error: { code: string } }).error.code).toBe('UPLOAD_TOO_LARGE');
  });

  it('sanitises names', () => {
    expect(safeName('../a/b.shp')).toBe('_a_b.shp');
    expect(safeName('..')).toBeNull();
    expect(safeName('  .hidden')).toBe('hidden');
    expect(safeName('三调 DLTB.zip')).toBe('三调 DLTB.zip');
  });
});
