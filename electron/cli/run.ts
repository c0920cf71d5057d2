/**
 * The `vep` command's dispatcher: parses global flags, runs one command, maps failures to exit codes.
 * Exit 0 on success, 1 on bad input or a failed computation (one line on stderr: `vep: <file>: <what is wrong>`),
 * 2 on bad usage; never a stack trace for bad input (docs/design/cli.md § Conventions).
 */
import { errorMessage, toErrorShape, type Lang } from '#core';
import { parseArgs, UsageError } from './args';
import { COMMON_OPTIONS, type CliIo, type Command } from './command';
import { COMMANDS } from './commands/index';
import { VERSION } from '../host/version';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(generalHelp());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`vep: unknown command '${name}' (see 'vep --help')\n`);
    return 2;
  }
  let lang = io.lang;
  try {
    const args = parseArgs(rest, [...COMMON_OPTIONS, ...command.options]);
    const chosen = args.options.get('lang')?.[0];
    if (chosen !== undefined && chosen !== 'zh' && chosen !== 'en') throw new UsageError('--lang must be zh or en');
    lang = (chosen as Lang | undefined) ?? io.lang;
    if (args.options.has('help')) {
      io.stdout(commandHelp(command));
      return 0;
    }
    return await command.run(args, { ...io, lang });
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`vep ${command.name}: ${e.message}\nusage: vep ${command.name} ${command.usage}\n`);
      return 2;
    }
    const shape = toErrorShape(e);
    const message = errorMessage(e, lang);
    // `vep: <file>: <what is wrong>` — most messages name their file already; name it here when one does not.
    const file = typeof shape.details?.file === 'string' && !message.includes(shape.details.file) ? `${shape.details.file}: ` : '';
    io.stderr(`vep: ${file}${message}\n`);
    if (shape.code === 'BUG') console.error(e);
    return 1;
  }
}

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `VEP Studio ${VERSION} — ecosystem product value accounting on 三调 land-survey data`,
    '',
    'usage: vep <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'vep <command> --help' for a command's options. Global: --version, --help, --lang zh|en.",
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const options = [...command.options, ...COMMON_OPTIONS];
  const labels = options.map((o) => `--${o.name}${o.valueName ? ` ${o.valueName}` : ''}`);
  const width = Math.max(...labels.map((l) => l.length));
  return [`usage: vep ${command.name} ${command.usage}`, '', command.summary, '', 'options:', ...options.map((o, i) => `  ${labels[i].padEnd(width)}  ${o.description}`), ''].join('\n');
}

/** Default message language: Chinese when the environment's locale is Chinese. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  return /^zh/i.test(env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '') ? 'zh' : 'en';
}

