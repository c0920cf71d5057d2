/**
 * Decimal sums per zone, per service and per land class, and their rounded summaries. The ring ('buffer') and the
 * red line are kept apart; 'total' is their union. A zone's unit value divides by its whole area, zero-value
 * classes included (docs/methods/regulating-services.md §4.3 item 3).
 */
import { SERVICE_IDS, type ServiceId } from '../services/service-ids';
import type { ClassRowSummary, ZoneId, ZoneSummary } from './account-types';
import { area, Dec, money, quantity, unitValue, type Dec as DecT } from './money';

interface ServiceSums {
  value: DecT;
  quantity: DecT;
  hasQuantity: boolean;
}

interface Sums {
  area: DecT;
  value: DecT;
  services: ServiceSums[];
}

const empty = (): Sums => ({ area: new Dec(0), value: new Dec(0), services: SERVICE_IDS.map(() => ({ value: new Dec(0), quantity: new Dec(0), hasQuantity: false })) });

function addInto(s: Sums, areaM2: DecT, values: readonly DecT[], quantities: readonly (DecT | null)[]): void {
  s.area = s.area.plus(areaM2);
  values.forEach((v, k) => {
    s.value = s.value.plus(v);
    s.services[k].value = s.services[k].value.plus(v);
    const q = quantities[k];
    if (q !== null) {
      s.services[k].quantity = s.services[k].quantity.plus(q);
      s.services[k].hasQuantity = true;
    }
  });
}

function merge(a: Sums, b: Sums): Sums {
  const out = empty();
  for (const s of [a, b]) {
    addInto(out, s.area, s.services.map((x) => x.value), s.services.map((x) => (x.hasQuantity ? x.quantity : null)));
  }
  return out;
}

export class ZoneAccumulator {
  private readonly zones: Record<ZoneId, Sums> = { redline: empty(), buffer: empty() };
  private readonly perClass: Record<ZoneId, Map<string, Sums & { dlmc: string }>> = { redline: new Map(), buffer: new Map() };

  /** Adds one piece: its area and its six service values and quantities (null when unknown). */
  add(zone: ZoneId, dlbm: string, dlmc: string, areaM2: DecT, values: readonly DecT[], quantities: readonly (DecT | null)[]): void {
    addInto(this.zones[zone], areaM2, values, quantities);
    let c = this.perClass[zone].get(dlbm);
    if (c === undefined) {
      c = { ...empty(), dlmc };
      this.perClass[zone].set(dlbm, c);
    }
    addInto(c, areaM2, values, quantities);
  }

  zone(zone: ZoneId): Sums {
    return this.zones[zone];
  }

  total(): Sums {
    return merge(this.zones.redline, this.zones.buffer);
  }

  summary(zone: ZoneId | 'total'): ZoneSummary {
    const s = zone === 'total' ? this.total() : this.zones[zone];
    const services = {} as Record<ServiceId, ZoneSummary['services'][ServiceId]>;
    SERVICE_IDS.forEach((id, k) => {
      const x = s.services[k];
      services[id] = { quantity: x.hasQuantity ? quantity(x.quantity) : null, value: money(x.value), unitValue: perArea(x.value, s.area) };
    });
    return { area: area(s.area), value: money(s.value), unitValue: perArea(s.value, s.area), services };
  }

  /** Per land class, sorted by DLBM. */
  classes(zone: ZoneId | 'total'): ClassRowSummary[] {
    const maps = zone === 'total' ? [this.perClass.redline, this.perClass.buffer] : [this.perClass[zone]];
    const merged = new Map<string, Sums & { dlmc: string }>();
    for (const m of maps) {
      for (const [dlbm, s] of m) {
        const prev = merged.get(dlbm);
        merged.set(dlbm, prev === undefined ? s : { ...merge(prev, s), dlmc: prev.dlmc });
      }
    }
    return [...merged.keys()].sort().map((dlbm) => {
      const s = merged.get(dlbm)!;
      const services = {} as Record<ServiceId, number>;
      SERVICE_IDS.forEach((id, k) => (services[id] = money(s.services[k].value)));
      return { dlbm, dlmc: s.dlmc, area: area(s.area), value: money(s.value), unitValue: perArea(s.value, s.area), services };
    });
  }
}

function perArea(value: DecT, areaM2: DecT): number | null {
  return areaM2.isZero() ? null : unitValue(value.div(areaM2));
}
