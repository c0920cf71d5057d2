/**
 * The request and the result of one red line's accounting. The result is the `vep account --json` document of
 * docs/design/cli.md (its names and shapes, in its key order), plus keys the contract leaves open: per-zone and
 * per-class breakdowns, modes, price indexing, the unverified parameters, notices and warnings.
 */
import type { ParameterSet } from '../params/parameter-set';
import type { CoefficientTable } from '../params/coefficient-table';
import type { PieceSamples } from '../raster/samples';
import type { PieceSource, PieceStatus } from '../services/evaluate-piece';
import type { ModeChoice } from '../services/modes';
import type { Bilingual, ServiceId } from '../services/service-ids';
import type { Mode } from '../services/service-spec';
import type { WaterBody } from '../services/water-bodies';
import type { PremiumOptions, PremiumResult } from './premium';

export type ZoneId = 'redline' | 'buffer';

/** One clipped parcel piece of one land class (the geometry step splits 田坎 off into its own piece). */
export interface AccountPiece {
  parcelId: string | number;
  dlbm: string;
  dlmc?: string;
  zone: ZoneId;
  /** Ellipsoidal land-class area of the piece, m². */
  areaM2: number;
  /** Raster samples over the piece (model mode). */
  samples?: PieceSamples;
  /** The lake/reservoir of a water piece (flood storage). */
  waterBodyId?: string;
}

export interface ProvenanceInput {
  version: string;
  params?: { id: string; sha256: string };
  inputs?: { path: string; sha256: string }[];
}

export interface AccountRequest {
  pieces: readonly AccountPiece[];
  params: ParameterSet;
  /** Raster id → declared unit for every raster sampled into the pieces (undefined: the catalogue unit). */
  rasters?: Readonly<Record<string, string | undefined>>;
  /** Cell size of each raster, m, reported in the output (§2 convention 4: coarse rasters give classes one value). */
  rasterResolutionsM?: Readonly<Record<string, number>>;
  modes?: Partial<Record<ServiceId, ModeChoice>>;
  /** `--coefficients`: value coefficients that replace the parameter set in coefficient mode. */
  coefficients?: CoefficientTable;
  waterBodies?: readonly WaterBody[];
  /** Ellipsoidal area of the red line polygon; default: the sum of its pieces. */
  redlineAreaM2?: number;
  /** The year prices are indexed to (with the set's price index). */
  accountingYear?: number;
  premium?: PremiumOptions;
  provenance?: ProvenanceInput;
}

export interface ServiceAmount {
  quantity: number | null;
  value: number | null;
}

export interface ZoneServiceSummary {
  quantity: number | null;
  value: number;
  unitValue: number | null;
}

export interface ZoneSummary {
  area: number;
  value: number;
  unitValue: number | null;
  services: Record<ServiceId, ZoneServiceSummary>;
}

export interface ServiceSummary {
  /** Sum over the pieces that have a quantity; null when none has (e.g. value coefficients). */
  quantity: number | null;
  unit: string;
  value: number;
  unitValue: number | null;
  mode: Mode;
  /** 'rasters' (model), 'coefficientTable' (CSV), 'parameterSet' (coefficients derived or entered). */
  source: 'rasters' | 'coefficientTable' | 'parameterSet';
  /** Pieces by status (zero: by the class rule; unavailable / noCoverage: null, not 0). */
  pieces: Record<PieceStatus, number>;
}

export interface ParcelRow {
  id: string | number;
  dlbm: string;
  dlmc: string;
  zone: ZoneId;
  area: number;
  services: Record<ServiceId, ServiceAmount & { status: PieceStatus; source: PieceSource }>;
  value: number;
  unitValue: number | null;
}

export interface ClassRowSummary {
  dlbm: string;
  dlmc: string;
  area: number;
  value: number;
  unitValue: number | null;
  services: Record<ServiceId, number>;
}

export interface UnverifiedParam {
  path: string;
  value: number;
  unit: string;
  tag: string;
  source: string | null;
  illustrative: boolean;
  note: string | null;
}

export interface AccountWarning {
  code: string;
  severity: 'warning' | 'info';
  message: Bilingual;
  details: Record<string, unknown>;
  /** Pieces concerned: the first 20 ids, the count and their area (m²). */
  pieces: (string | number)[];
  pieceCount: number;
  area: number;
}

export interface AccountResult {
  redline: { area: number };
  zones: { redline: ZoneSummary; buffer: ZoneSummary; total: ZoneSummary };
  services: Record<ServiceId, ServiceSummary>;
  premium: PremiumResult;
  parcels: ParcelRow[];
  provenance: { version: string; params: { id: string; sha256: string | null }; inputs: { path: string; sha256: string }[] };
  perClass: { redline: ClassRowSummary[]; buffer: ClassRowSummary[]; total: ClassRowSummary[] };
  modes: Record<ServiceId, Mode>;
  prices: {
    accountingYear: number | null;
    items: { id: string; value: number; unit: string; priceYear: number | null; indexed: boolean; reason: string | null }[];
  };
  rasters: { id: string; unit: string; resolutionM: number | null }[];
  illustrative: boolean;
  notices: Bilingual[];
  unverified: UnverifiedParam[];
  warnings: AccountWarning[];
}
