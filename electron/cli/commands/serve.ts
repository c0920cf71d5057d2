import path from 'node:path';
import { Host } from '../../host/host';
import { rendererDir, userSampleProject } from '../../host/paths';
import { startWebHost } from '../../web';
import { optionNumber, UsageError } from '../args';
import type { Command } from '../command';

/** `vep serve [PROJECT] [--port N]` — the web host (docs/design/cli.md). */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the app UI and API on 127.0.0.1 (browser mode); prints the URL with its token',
  usage: '[PROJECT] [--port N]',
  options: [{ name: 'port', type: 'number', valueName: 'N', description: 'port to listen on (0 = any free port; default 0)' }],
  async run(args, io) {
    if (args.positionals.length > 1) throw new UsageError('serve takes at most one PROJECT');
    const port = optionNumber(args, 'port') ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be an integer 0–65535');
    const projectPath = args.positionals[0] !== undefined ? path.resolve(io.cwd, args.positionals[0]) : userSampleProject();
    const host = new Host({ transport: 'web', projectPath });
    await host.start();
    const web = await startWebHost({ host, rendererDir: rendererDir(), port });
    io.stdout(`${web.url}\n`);
    io.stderr(`vep: serving ${projectPath} — press Ctrl+C to stop\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await web.close();
    await host.close();
    return 0;
  },
};
