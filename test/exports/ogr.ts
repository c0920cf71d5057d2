/** GDAL/OGR as the reference reader of exported files (python3-gdal, which CI installs). */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface OgrDump {
  count: number;
  fields: string[];
  epsg: string | null;
  layers: string[];
  features: { props: Record<string, unknown>; type: string | null; area: number | null; envelope: [number, number, number, number] | null }[];
}

const SCRIPT = fileURLToPath(new URL('./ogr_dump.py', import.meta.url));

/** A layer as GDAL reads it (the first layer, or the one named). */
export function ogrDump(file: string, layer?: string): OgrDump {
  const out = execFileSync('/usr/bin/python3', [SCRIPT, file, ...(layer ? [layer] : [])], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out) as OgrDump;
}
