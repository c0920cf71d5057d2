/**
 * The driver side of the kill tests: a child process reports each operation as a JSON line — `{"begin": op}` when it
 * starts one, anything else when it has finished one — and is killed with SIGKILL at a chosen moment.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Runs `child` (a .ts file, with `args`) until it has reported `finished` finished operations, waits `delayMs`, and
 * kills it; returns the finished reports and the operation it was in, if any.
 * @throws (rejects) when the child ends by itself.
 */
export function runAndKill<Op, Report extends object>(child: string, args: string[], finished: number, delayMs: number): Promise<{ done: Report[]; inFlight: Op | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const done: Report[] = [];
    let inFlight: Op | null = null;
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const lines = createInterface({ input: proc.stdout });
    lines.on('line', (line) => {
      const r = JSON.parse(line) as Report;
      if ('begin' in r) inFlight = r.begin as Op;
      else {
        done.push(r);
        inFlight = null;
        if (done.length === finished) setTimeout(() => proc.kill('SIGKILL'), delayMs);
      }
    });
    proc.on('exit', (code, signal) => {
      lines.close();
      if (signal === 'SIGKILL') resolve({ done, inFlight });
      else reject(new Error(`child ended by itself (${signal ?? code}): ${stderr}`));
    });
  });
}
