/**
 * Door 3, the `vep` command (docs/design/cli.md): the scripting face of VEP Studio, on the same host services and
 * core engine as the app. This file is the process entry; the dispatcher is cli/run.ts.
 */
import { defaultLang, runCli } from './cli/run';

// `vep area … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTty: process.stderr.isTTY === true,
    lang: defaultLang(),
    cwd: process.cwd(),
  });
  process.exitCode = code;
}

void main();
