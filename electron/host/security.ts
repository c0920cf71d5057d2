/**
 * The Content-Security-Policy of the UI, the same for Electron's app:// pages and the web host: only the app's own
 * code and data; no remote content, no eval, no inline scripts, no plugins, no framing. Images and workers may also
 * come from blob: URLs because MapLibre decodes sprites and tiles that way. An optional online basemap the user
 * configures is fetched by the host, never by the page, so no remote origin needs to be listed here.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
