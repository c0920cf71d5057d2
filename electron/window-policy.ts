/**
 * The Electron security settings as plain data and pure functions, so tests can check them without an Electron
 * binary (test/electron-security.test.ts); main.ts applies them and nothing else decides these questions.
 */

/** The only origin our pages are loaded from (a privileged custom scheme, never http(s) or file://). */
export const APP_ORIGIN = 'app://vep';

/** webPreferences of every window: sandboxed, isolated, no Node in the page or its workers. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** In-app navigation is allowed only within our own origin. */
export function isAllowedNavigation(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'vep';
  } catch {
    return false;
  }
}

/**
 * What to do with a request for a new window: never open one inside the app. https links (e.g. a cited standard)
 * may be handed to the user's browser; everything else is dropped.
 */
export function newWindowPolicy(url: string): { action: 'deny'; openExternally: boolean } {
  let external: boolean;
  try {
    external = new URL(url).protocol === 'https:';
  } catch {
    external = false;
  }
  return { action: 'deny', openExternally: external };
}

/** Every permission a page may ask for (camera, geolocation, notifications…) is refused. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** IPC is answered only for frames of our own origin. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && isAllowedNavigation(frameUrl);
}
