/** HTTP requests to a running web host from tests: raw (any method, path and headers) or an API call with the token. */
import { request } from 'node:http';
import type { WebHost } from '../electron/web';

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send the Host/Origin headers a browser would not let us forge. */
export function send(web: WebHost, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawReply> {
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

export interface ApiReply {
  status: number;
  body: { value?: unknown; error?: { name: string; code: string; details?: Record<string, unknown> } };
}

/** POST /api/<channel> with the host's token, as the renderer calls it; the reply's JSON parsed. */
export async function callApi(web: WebHost, channel: string, body?: unknown): Promise<ApiReply> {
  const reply = await send(web, {
    method: 'POST', path: `/api/${channel}`, body: body === undefined ? '' : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${web.token}` },
  });
  return { status: reply.status, body: JSON.parse(reply.body) as ApiReply['body'] };
}
