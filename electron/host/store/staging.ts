/**
 * Staging tables of imports in progress. An import writes into `vep_staging_<pid>_<token>` (not registered anywhere,
 * so no reader sees it) and renames it into place when it publishes. A process killed mid-import leaves its staging
 * table behind; the next writer drops staging tables whose process is gone (never those of a live process: another
 * worker of the same app may be importing right now).
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { quoteId } from './sql-names';
import { rtreeName } from './spatial-table';

const PREFIX = 'vep_staging_';

/** A new staging table name for this process. */
export function stagingTableName(): string {
  return `${PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Drops staging tables left by processes that no longer run; returns their names. */
export function dropStaleStaging(db: Database.Database): string[] {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'vep\\_staging\\_%' ESCAPE '\\'").pluck().all() as string[];
  const stale = names.filter((name) => !isAlive(Number(name.slice(PREFIX.length).split('_')[0])));
  if (stale.length === 0) return [];
  db.transaction(() => {
    for (const name of stale) dropStagingTable(db, name);
  }).immediate();
  return stale;
}

/** Drops one staging table and its R-tree. */
export function dropStagingTable(db: Database.Database, name: string): void {
  db.exec(`DROP TABLE IF EXISTS ${quoteId(rtreeName(name))}`);
  db.exec(`DROP TABLE IF EXISTS ${quoteId(name)}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
