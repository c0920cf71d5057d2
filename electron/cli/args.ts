/**
 * A small, strict argument parser for the `vep` command: GNU-style `--name value`, `--name=value` and boolean
 * `--flag`, positionals in order. Unknown options and missing values are usage errors (exit 2), never guesses.
 */
export interface OptionSpec {
  name: string;
  /** 'boolean' options take no value. */
  type: 'string' | 'number' | 'boolean';
  /** Shown in --help after the option name, e.g. "METRES". */
  valueName?: string;
  description: string;
  /** May be given several times (values collected in order). */
  repeatable?: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, (string | number | boolean)[]>;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const result: ParsedArgs = { positionals: [], options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      result.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      result.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) throw new UsageError(`unknown option --${name}`);
    let value: string | number | boolean;
    if (spec.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      value = true;
    } else {
      const raw = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (raw === undefined || (eq === -1 && raw.startsWith('--'))) throw new UsageError(`--${name} needs a value${spec.valueName ? ` (${spec.valueName})` : ''}`);
      if (spec.type === 'number') {
        value = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} expects a number, got ${JSON.stringify(raw)}`);
      } else {
        value = raw;
      }
    }
    const list = result.options.get(name) ?? [];
    if (list.length > 0 && !spec.repeatable) throw new UsageError(`--${name} given twice`);
    list.push(value);
    result.options.set(name, list);
  }
  return result;
}

/** Typed accessors over parsed options. */
export function optionString(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name)?.[0];
  return typeof v === 'string' ? v : undefined;
}

export function optionNumber(args: ParsedArgs, name: string): number | undefined {
  const v = args.options.get(name)?.[0];
  return typeof v === 'number' ? v : undefined;
}

export function optionFlag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name)?.[0] === true;
}

export function optionStrings(args: ParsedArgs, name: string): string[] {
  return (args.options.get(name) ?? []).filter((v): v is string => typeof v === 'string');
}
