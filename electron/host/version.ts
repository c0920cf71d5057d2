/** The app version, injected at build time from package.json (esbuild `define`); "dev" when run from source. */
declare const __VEP_VERSION__: string | undefined;
export const VERSION: string = typeof __VEP_VERSION__ === 'string' ? __VEP_VERSION__ : 'dev';
