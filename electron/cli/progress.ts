/**
 * Progress on stderr (docs/design/cli.md § Conventions): a bar redrawn in place when stderr is a terminal, plain
 * lines otherwise, at most a few per second so a 300k-record run does not flood a log.
 */
import type { Progress } from '#core';
import type { CliIo } from './command';

export function progressReporter(io: CliIo, quiet = false): (p: Progress) => void {
  let last = 0;
  let lastPhase = '';
  return (p) => {
    if (quiet) return;
    const now = Date.now();
    if (p.phase === lastPhase && now - last < (io.stderrIsTty ? 100 : 2000)) return;
    last = now;
    lastPhase = p.phase;
    const amount = p.total ? `${p.done}/${p.total} (${Math.floor((100 * p.done) / p.total)}%)` : p.done > 0 ? String(p.done) : '';
    if (io.stderrIsTty) io.stderr(`\r\x1b[2K${p.phase} ${amount}`);
    else io.stderr(`${p.phase} ${amount}\n`.replace(/ \n$/, '\n'));
  };
}

/** Ends a terminal progress line so the next output starts clean. */
export function endProgress(io: CliIo): void {
  if (io.stderrIsTty) io.stderr('\r\x1b[2K');
}
