/**
 * Where things are on disk. The built code runs from dist/electron/ (web host, CLI, Electron main) or from source
 * (tests); both find the application root by walking up to this package's package.json.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'vep-studio';

/** The folder holding VEP Studio's package.json, found from a module URL inside the app. */
export function appRoot(fromUrl: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${fromUrl}`);
    dir = parent;
  }
}

export function rendererDir(root = appRoot()): string {
  return path.join(root, 'dist', 'renderer');
}

/** The bundled sample project as shipped (never opened for writing: see {@link userSampleProject}). */
export function bundledSampleProject(root = appRoot()): string {
  return path.join(root, 'sample-data', 'anji-sample.vep.gpkg');
}

/** The per-user folder for settings, recent projects and the working copy of the sample project. */
export function userDataDir(): string {
  if (process.env.VEP_HOME) return path.resolve(process.env.VEP_HOME);
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'VEP Studio');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'VEP Studio');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'vep-studio');
}

/**
 * The user's working copy of the sample project, made from the bundled one on first use, so the app can save into
 * it without touching the installed files.
 */
export function userSampleProject(root = appRoot()): string {
  const target = path.join(userDataDir(), 'projects', path.basename(bundledSampleProject(root)));
  if (!existsSync(target)) {
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(bundledSampleProject(root), target);
  }
  return target;
}
