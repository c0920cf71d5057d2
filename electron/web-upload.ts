/**
 * The web host's file upload, for drag-and-drop in browser mode (a page cannot hand the host a file path):
 * `PUT /upload/<batch>/<name>` streams the body into `<uploads>/<batch>/<name>` and answers `{"path": …}`, which
 * the page then passes to import calls like a path the user chose. Files dropped together share a batch folder,
 * so a shapefile's .shp/.dbf/.prj/.cpg stay side by side.
 *
 * Safety: the route sits behind the token check of web.ts; batch and file names are reduced to a safe character
 * set (no separators, no `..`, no leading dot) and the target must resolve inside the uploads folder; each file is
 * limited to {@link MAX_UPLOAD_BYTES} (checked against Content-Length up front and again while streaming), a batch
 * to {@link MAX_BATCH_FILES} files; the uploads folder is private to this run and removed when the host stops.
 */
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
export const MAX_BATCH_FILES = 64;

export interface UploadArea {
  dir: string;
  handle(req: IncomingMessage, res: ServerResponse, rest: string): Promise<void>;
  dispose(): void;
}

/** A file or folder name reduced to letters (any script), digits, `._-` and spaces; null when nothing usable is left. */
export function safeName(raw: string): string | null {
  const cleaned = raw.normalize('NFC').replace(/[^\p{L}\p{N}._\- ]/gu, '_').replace(/^[.\s]+/, '').slice(0, 200).trim();
  return cleaned.length === 0 || cleaned === '.' || cleaned === '..' ? null : cleaned;
}

/** A percent-decoded path part; '' (no usable name) when the encoding is malformed. */
function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

export function createUploadArea(): UploadArea {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vep-uploads-'));
  return {
    dir,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
    async handle(req, res, rest) {
      const json = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
        res.end(text);
      };
      const fail = (status: number, code: string, details: Record<string, unknown>, message: string) =>
        json(status, { error: { name: 'InputError', code, message, details } });
      if (req.method !== 'PUT') return fail(405, 'INVALID_ARGUMENT', { name: 'method', reason: 'use PUT' }, 'use PUT');
      const parts = rest.split('/');
      const batch = parts.length === 2 ? safeName(decoded(parts[0])) : null;
      const name = parts.length === 2 ? safeName(decoded(parts[1])) : null;
      if (!batch || !name) return fail(400, 'INVALID_ARGUMENT', { name: 'upload path', reason: 'expected /upload/<batch>/<name>' }, 'bad upload path');
      const declared = Number(req.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) return fail(413, 'UPLOAD_TOO_LARGE', { name, limit: MAX_UPLOAD_BYTES }, 'too large');
      const folder = path.join(dir, batch);
      const target = path.join(folder, name);
      if (!target.startsWith(dir + path.sep)) return fail(400, 'INVALID_ARGUMENT', { name: 'upload path', reason: 'outside the upload folder' }, 'bad upload path');
      mkdirSync(folder, { recursive: true });
      if (readdirSync(folder).length >= MAX_BATCH_FILES) return fail(413, 'LIMIT_EXCEEDED', { what: 'files per upload / 每次上传文件数', limit: MAX_BATCH_FILES, value: MAX_BATCH_FILES + 1 }, 'too many files');
      await new Promise<void>((resolve) => {
        const out = createWriteStream(target);
        let size = 0;
        let failed = false;
        const abort = (status: number, code: string, details: Record<string, unknown>) => {
          if (failed) return;
          failed = true;
          req.unpipe(out);
          out.destroy();
          rmSync(target, { force: true });
          fail(status, code, details, code);
          req.resume();
          resolve();
        };
        req.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_UPLOAD_BYTES) abort(413, 'UPLOAD_TOO_LARGE', { name, limit: MAX_UPLOAD_BYTES });
        });
        req.on('error', () => abort(400, 'INVALID_ARGUMENT', { name: 'upload', reason: 'connection closed' }));
        out.on('error', (e) => abort(500, 'BUG', { message: e.message }));
        out.on('finish', () => {
          if (failed) return;
          json(200, { path: target, sizeBytes: size });
          resolve();
        });
        req.pipe(out);
      });
    },
  };
}
