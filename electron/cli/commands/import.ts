/**
 * `vep import FILE --out PROJECT.gpkg` (docs/design/cli.md): loads a layer into a project GeoPackage — created when
 * it does not exist — streaming in a worker, with progress on stderr. The app opens the same file. A failed or
 * interrupted import leaves the project as it was.
 */
import path from 'node:path';
import { importLayer } from '../../host/import/import-layer';
import { VERSION } from '../../host/version';
import { optionFlag, optionString, UsageError } from '../args';
import type { Command } from '../command';
import { endProgress, progressReporter } from '../progress';
import { VECTOR_OPTIONS, vectorOptions } from '../vector-options';

export const importCommand: Command = {
  name: 'import',
  summary: 'load a layer (shapefile, zip, GeoPackage, GeoJSON, KML, coordinate text) into a project GeoPackage',
  usage: 'FILE --out PROJECT.gpkg [--title NAME] [--crs EPSG:N] [--encoding NAME] [--layer NAME] [--json]',
  options: [
    { name: 'out', type: 'string', valueName: 'PROJECT.gpkg', description: 'the project to import into; created when it does not exist' },
    { name: 'title', type: 'string', valueName: 'NAME', description: 'the layer\'s name in the project (default: the file name)' },
    { name: 'json', type: 'boolean', description: 'print the new layer (id, count, extent, CRS, fields) as one JSON document' },
    ...VECTOR_OPTIONS,
  ],
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('import takes exactly one FILE');
    const out = optionString(args, 'out');
    if (!out) throw new UsageError('--out PROJECT.gpkg is required');
    const file = path.resolve(io.cwd, args.positionals[0]);
    const project = path.resolve(io.cwd, out);
    const { crs, encoding, layer } = vectorOptions(args);
    const onProgress = progressReporter(io, false);
    // Ctrl-C cancels the worker's transaction instead of killing it mid-write (the project stays as it was).
    const abort = new AbortController();
    const onSignal = (): void => abort.abort();
    process.once('SIGINT', onSignal);
    try {
      const info = await importLayer(project, [file], { title: optionString(args, 'title'), crs, encoding, layer, createProject: true, appVersion: VERSION }, onProgress, abort.signal);
      endProgress(io);
      if (optionFlag(args, 'json')) io.stdout(`${JSON.stringify(info)}\n`);
      else io.stdout(`${info.featureCount} features → ${path.relative(io.cwd, project) || project} (layer ${info.id})\n`);
      return 0;
    } finally {
      process.removeListener('SIGINT', onSignal);
    }
  },
};
