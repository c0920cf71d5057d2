import type { Command } from '../command';
import { exportCommand } from './export';
import { serveCommand } from './serve';

/** Every `vep` command, in the order `vep --help` lists them. */
export const COMMANDS: Command[] = [serveCommand, exportCommand];
