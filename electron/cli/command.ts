import type { Lang } from '#core';
import type { OptionSpec, ParsedArgs } from './args';

/** What a command may use of the outside world; tests pass their own streams. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bar) or not (plain progress lines). */
  stderrIsTty: boolean;
  lang: Lang;
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for `vep --help`. */
  summary: string;
  /** Usage after `vep <name>`, e.g. "FILE [--json] [--stats]". */
  usage: string;
  options: OptionSpec[];
  /** Returns the exit code (0 ok, 1 bad input / failed computation). Throws UsageError for bad usage (exit 2). */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: OptionSpec[] = [
  { name: 'lang', type: 'string', valueName: 'zh|en', description: 'language of messages (default: en, or zh when LANG starts with zh)' },
  { name: 'help', type: 'boolean', description: 'show help for this command' },
];
