import path from 'node:path';
import { layerAreas } from '../../host/services/area';
import { optionFlag, optionString, UsageError } from '../args';
import type { Command } from '../command';
import { VECTOR_OPTIONS, vectorOptions } from '../vector-options';

/** `vep area FILE [--json] [--id-field NAME]` (docs/design/cli.md): 三调 ellipsoidal and planar areas per feature. */
export const areaCommand: Command = {
  name: 'area',
  summary: '三调 ellipsoidal area (and planar area, TBMJ) of every polygon, for auditing survey data',
  usage: 'FILE [--json] [--id-field NAME]',
  options: [
    { name: 'json', type: 'boolean', description: 'print one JSON document on stdout ({"features":[…],"total":{…}})' },
    { name: 'id-field', type: 'string', valueName: 'NAME', description: 'attribute reported as id (default BSM when present, else the record index)' },
    ...VECTOR_OPTIONS,
  ],
  async run(args, io) {
    if (args.positionals.length !== 1) throw new UsageError('area takes exactly one FILE');
    const run = layerAreas(path.resolve(io.cwd, args.positionals[0]), { ...vectorOptions(args), idField: optionString(args, 'id-field') });
    try {
      const json = optionFlag(args, 'json');
      // Rows are written as they are computed, so a 300k-parcel layer never sits in memory as one document.
      if (json) io.stdout('{"features":[');
      else io.stdout('index\tid\tplanarArea\tellipsoidalArea\ttbmj\n');
      let first = true;
      for (const row of run.rows) {
        if (json) io.stdout(`${first ? '' : ','}${JSON.stringify(row)}`);
        else io.stdout(`${row.index}\t${row.id ?? ''}\t${row.planarArea ?? ''}\t${row.ellipsoidalArea}\t${row.tbmj ?? ''}\n`);
        first = false;
      }
      const total = run.totals();
      if (json) io.stdout(`],"total":${JSON.stringify(total)}}\n`);
      else io.stdout(`total\t\t${total.planarArea ?? ''}\t${total.ellipsoidalArea}\t\n`);
      return 0;
    } finally {
      run.close();
    }
  },
};
