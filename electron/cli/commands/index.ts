import type { Command } from '../command';
import { accountCommand } from './account';
import { areaCommand } from './area';
import { exportCommand } from './export';
import { importCommand } from './import';
import { inspectCommand } from './inspect';
import { paramsCommand } from './params';
import { serveCommand } from './serve';

/** Every `vep` command, in the order `vep --help` lists them. */
export const COMMANDS: Command[] = [inspectCommand, areaCommand, accountCommand, importCommand, exportCommand, paramsCommand, serveCommand];
