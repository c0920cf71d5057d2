/**
 * Door 1, the Electron app: lifecycle, the window, the app:// protocol, and the IPC wiring of the host API.
 *
 * Security checklist (the settings live in window-policy.ts and are tested in test/electron-security.test.ts):
 *  - every renderer sandboxed, context isolation on, no Node integration, web security on;
 *  - the UI is served from the privileged app:// scheme with the same strict CSP as the web host, never from http(s)
 *    or file://; navigation away and new windows are blocked; every permission request is denied;
 *  - IPC handlers answer only frames loaded from app://vep/, and every request is validated (host/dispatch.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell, type WebContents } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS, type HostEvent } from './host/api';
import { dispatch } from './host/dispatch';
import { Host } from './host/host';
import { rendererDir, userSampleProject } from './host/paths';
import { CONTENT_SECURITY_POLICY } from './host/security';
import { parseTilePath } from './host/tile-route';
import { APP_ORIGIN, isAllowedNavigation, isTrustedSender, newWindowPolicy, permissionDecision, WEB_PREFERENCES } from './window-policy';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let host: Host | null = null;

/** Serves the built renderer and the project's vector tiles under app://vep/. */
function registerAppProtocol(h: Host, dir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'vep') return new Response('not found', { status: 404 });
    if (url.pathname.startsWith('/tiles/')) {
      const tile = parseTilePath(url.pathname.slice('/tiles/'.length));
      const bytes = tile ? await h.tile(tile.layerId, tile.z, tile.x, tile.y) : null;
      return bytes && bytes.byteLength > 0 ? new Response(bytes, { headers: { 'Content-Type': 'application/x-protobuf' } }) : new Response(null, { status: 204 });
    }
    const file = path.resolve(dir, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`);
    if (!file.startsWith(dir + path.sep)) return new Response('forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/** One ipcMain handler per contract channel; answers only our own pages. */
function registerIpc(h: Host): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(`vep:${channel}`, async (event, request: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url)) return { ok: false, error: { name: 'InputError', code: 'INVALID_ARGUMENT', message: 'refused: foreign frame', details: {} } };
      return dispatch(h, channel, request);
    });
  }
}

function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    const policy = newWindowPolicy(url);
    if (policy.openExternally) void shell.openExternal(url);
    return { action: policy.action };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

async function createWindow(h: Host): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'VEP Studio',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: path.join(import.meta.dirname, 'preload.cjs') },
  });
  const unsubscribe = h.onEvent((event: HostEvent) => {
    if (!win.isDestroyed()) win.webContents.send('vep:event', event);
  });
  win.on('closed', unsubscribe);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function buildMenu(): void {
  const isMac = process.platform === 'darwin';
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(isMac ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
      { role: 'help', submenu: [{ label: 'About VEP Studio', click: () => void dialog.showMessageBox({ message: `VEP Studio ${app.getVersion()}` }) }] },
    ]),
  );
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  const projectArg = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.gpkg'));
  host = new Host({ transport: 'electron', projectPath: projectArg ? path.resolve(projectArg) : userSampleProject() });
  await host.start();
  registerAppProtocol(host, rendererDir());
  registerIpc(host);
  buildMenu();
  await createWindow(host);
  app.on('activate', () => {
    if (host && BrowserWindow.getAllWindows().length === 0) void createWindow(host);
  });
}).catch((e: unknown) => {
  dialog.showErrorBox('VEP Studio', e instanceof Error ? e.message : String(e));
  app.quit();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => {
  void host?.close();
});
