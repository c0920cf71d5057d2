/**
 * `vep export FILE --to PATH` (docs/design/cli.md): converts a vector file — or a table of a project file — by the
 * target's extension: `.gpkg`, `.shp` (GBK attributes by default, `--encoding UTF-8`), `.geojson`, `.kml`, `.txt`.
 * The target is written through temporary files renamed into place: a failed export leaves an existing file as it
 * was. Fields renamed to fit a shapefile's 10-byte DBF names are listed (stderr, or `renamedFields` with `--json`).
 */
import path from 'node:path';
import { crsFromUserInput, InputError } from '#core';
import { exportLayers } from '../../host/exports/export-vector';
import { openFileExportSource } from '../../host/exports/export-sources';
import { optionFlag, optionString, UsageError } from '../args';
import type { Command } from '../command';

export const exportCommand: Command = {
  name: 'export',
  summary: 'convert a vector file or a project table to .gpkg, .shp, .geojson, .kml or the Ministry .txt',
  usage: 'FILE --to PATH [--layer NAME] [--encoding GBK|UTF-8] [--to-crs EPSG:N] [--json]',
  options: [
    { name: 'to', type: 'string', valueName: 'PATH', description: 'the file to write; its extension picks the format (.gpkg .shp .geojson .json .kml .txt)' },
    { name: 'layer', type: 'string', valueName: 'NAME', description: 'GeoPackage table to read; in a VEP project also redlines, zones or run:N (a run\'s clipped pieces)' },
    { name: 'encoding', type: 'string', valueName: 'GBK|UTF-8', description: 'attribute encoding of a shapefile or .txt target (default GBK)' },
    { name: 'input-encoding', type: 'string', valueName: 'NAME', description: 'attribute encoding of a shapefile source (default: .cpg, then the DBF language byte, then a check of the bytes)' },
    { name: 'crs', type: 'string', valueName: 'EPSG:N', description: 'CRS of the source, overriding or supplying what its files say' },
    { name: 'to-crs', type: 'string', valueName: 'EPSG:N', description: 'reproject to this CRS (KML is always written in WGS 84)' },
    { name: 'json', type: 'boolean', description: 'print what was written as one JSON document' },
  ],
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('export takes exactly one FILE');
    const to = optionString(args, 'to');
    if (!to) throw new UsageError('--to PATH is required');
    const encoding = optionString(args, 'encoding')?.toUpperCase();
    if (encoding !== undefined && encoding !== 'GBK' && encoding !== 'UTF-8' && encoding !== 'UTF8') throw new UsageError('--encoding must be GBK or UTF-8');
    const file = path.resolve(io.cwd, args.positionals[0]);
    const target = path.resolve(io.cwd, to);
    if (file === target) throw new InputError('EXPORT_SAME_FILE', { path: target });
    const crsText = optionString(args, 'crs');
    const toCrsText = optionString(args, 'to-crs');
    const source = openFileExportSource(file, {
      layer: optionString(args, 'layer') ?? null,
      encoding: optionString(args, 'input-encoding') ?? null,
      crs: crsText ? crsFromUserInput(crsText, { source: '--crs' }) : null,
    });
    try {
      const result = await exportLayers(target, [source.layer], {
        encoding: encoding === undefined ? undefined : encoding === 'GBK' ? 'GBK' : 'UTF-8',
        toCrs: toCrsText ? crsFromUserInput(toCrsText, { source: '--to-crs' }) : null,
      });
      if (optionFlag(args, 'json')) {
        io.stdout(`${JSON.stringify(result)}\n`);
      } else {
        for (const layer of result.layers) {
          io.stderr(`vep: ${layer.featureCount} features → ${path.relative(io.cwd, result.files[0]) || result.files[0]}\n`);
          for (const [from, written] of Object.entries(layer.renamedFields)) io.stderr(`vep: field ${from} written as ${written}\n`);
        }
        for (const w of result.warnings) io.stderr(`vep: warning ${w.code} ${JSON.stringify(w.details)}\n`);
      }
      return 0;
    } finally {
      source.close();
    }
  },
};
