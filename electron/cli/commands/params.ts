import { parameterSetToJson, paramsTemplate } from '#core';
import { optionFlag, UsageError } from '../args';
import type { Command } from '../command';

/** `vep params --template` (docs/design/cli.md): the built-in parameter set, every value with unit and source. */
export const paramsCommand: Command = {
  name: 'params',
  summary: 'print the default parameter set (every land class, service and price, with units and sources)',
  usage: '--template',
  options: [{ name: 'template', type: 'boolean', description: 'print the built-in parameter set as JSON' }],
  async run(args, io) {
    if (!optionFlag(args, 'template') || args.positionals.length > 0) throw new UsageError('params needs --template');
    // Canonical (sorted keys), then indented for reading.
    io.stdout(`${JSON.stringify(JSON.parse(parameterSetToJson(paramsTemplate())), null, 2)}\n`);
    return 0;
  },
};
