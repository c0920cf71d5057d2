/**
 * Decimal sums per zone, per land class and per service, and their rounded summaries. Pieces are added to their
 * (zone, class) cell only; zone and union sums are taken from the cells at the end, so each piece costs one set of
 * decimal additions. The ring ('buffer') and the red line are kept apart; 'total' is their union. A zone's unit
 * value divides by its whole area, zero-value classes included (docs/methods/regulating-services.md §4.3 item 3).
 */
import { SERVICE_IDS, type ServiceId } from '../services/service-ids';
import type { ClassRowSummary, ZoneId, ZoneSummary } from './account-types';
import { area, Dec, dec, money, quantity, unitValue, type Dec as DecT } from './money';

interface ServiceSums {
  value: DecT;
  quantity: DecT;
  hasQuantity: boolean;
}

export interface Sums {
  area: DecT;
  /** The sum of the service values (filled by {@link total}). */
  value: DecT;
  services: ServiceSums[];
}

const empty = (): Sums => ({ area: new Dec(0), value: new Dec(0), services: SERVICE_IDS.map(() => ({ value: new Dec(0), quantity: new Dec(0), hasQuantity: false })) });

/** Sets `value` to the sum of the service values. */
function total<T extends Sums>(s: T): T {
  s.value = s.services.reduce((a, x) => a.plus(x.value), new Dec(0));
  return s;
}

function merge(into: Sums, s: Sums): void {
  into.area = into.area.plus(s.area);
  s.services.forEach((x, k) => {
    const t = into.services[k];
    t.value = t.value.plus(x.value);
    if (x.hasQuantity) {
      t.quantity = t.quantity.plus(x.quantity);
      t.hasQuantity = true;
    }
  });
}

export class ZoneAccumulator {
  private readonly cells: Record<ZoneId, Map<string, Sums & { dlmc: string }>> = { redline: new Map(), buffer: new Map() };

  /**
   * Adds one piece.
   * @param values 元/a per service as decimals (null when unavailable or 0: adds nothing; the area still counts).
   * @param quantities per service (null when unknown).
   */
  add(zone: ZoneId, dlbm: string, dlmc: string, areaM2: DecT, values: readonly (DecT | null)[], quantities: readonly (number | null)[]): void {
    let c = this.cells[zone].get(dlbm);
    if (c === undefined) {
      c = { ...empty(), dlmc };
      this.cells[zone].set(dlbm, c);
    }
    c.area = c.area.plus(areaM2);
    values.forEach((v, k) => {
      const s = c.services[k];
      if (v !== null) s.value = s.value.plus(v);
      const q = quantities[k];
      if (q !== null) {
        if (q !== 0) s.quantity = s.quantity.plus(dec(q));
        s.hasQuantity = true;
      }
    });
  }

  /** The sums of a zone, or of both ('total'). */
  sums(zone: ZoneId | 'total'): Sums {
    const out = empty();
    for (const z of zone === 'total' ? (['redline', 'buffer'] as const) : [zone]) for (const c of this.cells[z].values()) merge(out, c);
    return total(out);
  }

  summary(zone: ZoneId | 'total'): ZoneSummary {
    const s = this.sums(zone);
    const services = {} as Record<ServiceId, ZoneSummary['services'][ServiceId]>;
    SERVICE_IDS.forEach((id, k) => {
      const x = s.services[k];
      services[id] = { quantity: x.hasQuantity ? quantity(x.quantity) : null, value: money(x.value), unitValue: perArea(x.value, s.area) };
    });
    return { area: area(s.area), value: money(s.value), unitValue: perArea(s.value, s.area), services };
  }

  /** Per land class, sorted by DLBM. */
  classes(zone: ZoneId | 'total'): ClassRowSummary[] {
    const merged = new Map<string, Sums & { dlmc: string }>();
    for (const z of zone === 'total' ? (['redline', 'buffer'] as const) : [zone]) {
      for (const [dlbm, c] of this.cells[z]) {
        let m = merged.get(dlbm);
        if (m === undefined) {
          m = { ...empty(), dlmc: c.dlmc };
          merged.set(dlbm, m);
        }
        merge(m, c);
      }
    }
    return [...merged.keys()].sort().map((dlbm) => {
      const s = total(merged.get(dlbm)!);
      const services = {} as Record<ServiceId, number>;
      SERVICE_IDS.forEach((id, k) => (services[id] = money(s.services[k].value)));
      return { dlbm, dlmc: s.dlmc, area: area(s.area), value: money(s.value), unitValue: perArea(s.value, s.area), services };
    });
  }
}

function perArea(value: DecT, areaM2: DecT): number | null {
  return areaM2.isZero() ? null : unitValue(value.div(areaM2));
}
