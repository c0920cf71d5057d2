/** What the accounting-and-export kill child (kill-account-child.ts) reports, shared with its test. */

export type AccountKillOp =
  | { kind: 'account'; bufferM: number }
  | { kind: 'export'; target: string; count: number };

export type AccountKillReport = { begin: AccountKillOp } | { done: AccountKillOp; runId?: number; pieces?: number };

/** The export targets, relative to the output folder. */
export const EXPORT_TARGETS = ['pieces.gpkg', 'pieces.shp', 'pieces.geojson'];
