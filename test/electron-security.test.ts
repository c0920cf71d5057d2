/**
 * Electron's security checklist, checked without an Electron binary: the policy values and functions main.ts applies
 * (electron/window-policy.ts), and main.ts's source for the places where they must be applied.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../electron/host/security';
import { isAllowedNavigation, isTrustedSender, newWindowPolicy, permissionDecision, WEB_PREFERENCES } from '../electron/window-policy';

const mainSource = readFileSync(new URL('../electron/main.ts', import.meta.url), 'utf8');
const preloadSource = readFileSync(new URL('../electron/preload.ts', import.meta.url), 'utf8');

describe('Electron security checklist', () => {
  it('sandboxes every window with context isolation and no Node integration', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    // Every BrowserWindow in main.ts takes exactly these preferences, and the app sandboxes all renderers.
    const windows = mainSource.match(/new BrowserWindow\(/g) ?? [];
    const applied = mainSource.match(/webPreferences: \{ \.\.\.WEB_PREFERENCES, preload: /g) ?? [];
    expect(windows.length).toBeGreaterThan(0);
    expect(applied.length).toBe(windows.length);
    expect(mainSource).toContain('app.enableSandbox()');
  });

  it('loads the UI only from app://vep, never from http(s) or file://', () => {
    expect(mainSource).toMatch(/loadURL\(`\$\{APP_ORIGIN\}\/index\.html`\)/);
    expect(mainSource).not.toMatch(/loadURL\(['"`]https?:/);
    expect(mainSource).not.toMatch(/loadFile\(/);
  });

  it('blocks navigation away from the app', () => {
    expect(isAllowedNavigation('app://vep/index.html')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)', 'not a url']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
    expect(mainSource).toContain("contents.on('will-navigate'");
    expect(mainSource).toContain("contents.on('will-redirect'");
    expect(mainSource).toContain("contents.on('will-attach-webview'");
  });

  it('never opens new windows; hands https links to the system browser only', () => {
    expect(newWindowPolicy('https://www.mnr.gov.cn/')).toEqual({ action: 'deny', openExternally: true });
    expect(newWindowPolicy('http://example.com/')).toEqual({ action: 'deny', openExternally: false });
    expect(newWindowPolicy('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: false });
    expect(mainSource).toContain('setWindowOpenHandler');
  });

  it('denies every permission request and check', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(permissionDecision(p)).toBe(false);
    expect(mainSource).toContain('setPermissionRequestHandler');
    expect(mainSource).toContain('setPermissionCheckHandler');
  });

  it('answers IPC only for frames of the app origin', () => {
    expect(isTrustedSender('app://vep/index.html')).toBe(true);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(mainSource).toContain('isTrustedSender(event.senderFrame?.url)');
  });

  it('has a strict CSP: no remote content, no eval, no inline scripts, no framing', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });

  it('exposes only named methods through the preload, never ipcRenderer or a generic invoke', () => {
    expect(preloadSource).toContain("contextBridge.exposeInMainWorld('vep', api)");
    expect(preloadSource).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preloadSource).not.toMatch(/\binvoke\s*[:(]\s*\(?\s*channel/);
  });

  it('treats look-alike origins as foreign for navigation and IPC', () => {
    for (const url of ['app://vep.evil.example/index.html', 'app://vep@evil.example/', 'app://evil.example/?vep', 'app://vep:8080/index.html', 'blob:app://vep/1', 'data:text/html,app://vep/', 'vep://app/', '']) {
      expect(isAllowedNavigation(url), url).toBe(false);
      expect(isTrustedSender(url), url).toBe(false);
    }
  });

  it('hardens every web contents, including ones created later, before any window loads', () => {
    expect(mainSource).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => hardenContents\(contents\)\)/);
    // Permission handlers are installed before the first window is created.
    const ready = mainSource.slice(mainSource.indexOf('app.whenReady()'));
    expect(ready.indexOf('setPermissionRequestHandler')).toBeGreaterThan(-1);
    expect(ready.indexOf('setPermissionRequestHandler')).toBeLessThan(ready.indexOf('await createWindow('));
  });

  it('opens external links only through the new-window policy, and nothing remote is ever loaded', () => {
    const opens = mainSource.match(/shell\.openExternal\(/g) ?? [];
    expect(opens).toHaveLength(1);
    expect(mainSource).toMatch(/if \(policy\.openExternally\) void shell\.openExternal\(url\)/);
    expect(mainSource).not.toMatch(/enableRemoteModule|@electron\/remote|webSecurity: false|allowRunningInsecureContent: true|nodeIntegration: true/);
    for (const source of [mainSource, preloadSource]) expect(source).not.toMatch(/['"`]https?:\/\/(?!www\.w3\.org)/);
  });

  it('serves app:// only for the vep host, inside the renderer folder, with the CSP on every file', () => {
    expect(mainSource).toContain("if (url.host !== 'vep') return new Response('not found', { status: 404 });");
    expect(mainSource).toMatch(/if \(!file\.startsWith\(dir \+ path\.sep\)\) return new Response\('forbidden', \{ status: 403 \}\)/);
    expect(mainSource).toContain("headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)");
  });

  it('handles IPC only on the contract channels, each through the validating dispatcher, and the preload mirrors them', () => {
    expect(mainSource).not.toMatch(/ipcMain\.on\(/);
    expect(mainSource.match(/ipcMain\.handle\(/g)).toHaveLength(1);
    expect(mainSource).toMatch(/for \(const channel of CHANNELS\) \{\s*ipcMain\.handle\(`vep:\$\{channel\}`/);
    expect(mainSource).toContain('return dispatch(h, channel, request);');
    expect(preloadSource).toMatch(/for \(const channel of CHANNELS\) \{/);
    expect(preloadSource).toContain('ipcRenderer.invoke(`vep:${channel}`, request)');
    expect(preloadSource.match(/ipcRenderer\.invoke\(/g)).toHaveLength(1);
  });
});
