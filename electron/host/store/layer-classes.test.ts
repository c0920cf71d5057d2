import { afterEach, describe, expect, it } from 'vitest';
import { makeParcels } from '../../../test/store/parcels';
import { ProjectStore } from './project-store';
import { addParcels, createTestProject } from './test-project';

const open: ProjectStore[] = [];
afterEach(() => {
  for (const s of open.splice(0)) if (s.db.open) s.close();
});
function project(): ProjectStore {
  const s = createTestProject();
  open.push(s);
  return s;
}

/** The legend's counts worked out from the generated parcels themselves: per DLBM, how many, and a DLMC beside it. */
function expectedClasses(count: number, keep: (fid: number) => boolean = () => true) {
  const byClass = new Map<string, { count: number; label: string }>();
  let fid = 0;
  for (const f of makeParcels({ count })) {
    if (!keep(++fid)) continue;
    const c = byClass.get(f.properties.DLBM as string) ?? { count: 0, label: f.properties.DLMC as string };
    c.count++;
    byClass.set(f.properties.DLBM as string, c);
  }
  return [...byClass].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, c]) => ({ value, label: c.label, count: c.count }));
}

const cacheRows = (s: ProjectStore) => s.db.prepare("SELECT kind, version, recipe FROM vep_layer_cache WHERE kind = 'classes'").all();

describe('the land classes of a layer (the legend)', () => {
  it('are counted per value with the label beside each, and kept for the layer version they were counted from', () => {
    const s = project();
    const id = addParcels(s, 700);
    const expected = expectedClasses(700);
    expect(expected.length).toBeGreaterThan(3);
    expect(s.layers.classes(id, 'DLBM', 'DLMC')).toEqual(expected);
    const version = s.db.prepare('SELECT last_change FROM gpkg_contents WHERE table_name = ?').pluck().get(id);
    expect(cacheRows(s)).toEqual([{ kind: 'classes', version, recipe: 'field=DLBM;label=DLMC' }]);
    // the kept answer is what a second connection (a reopened project) gets, read-only
    const reopened = ProjectStore.open(s.path, { readonly: true });
    open.push(reopened);
    expect(reopened.layers.classes(id, 'DLBM', 'DLMC')).toEqual(expected);
  });

  it('are counted again when the layer changed, or when asked for another field', () => {
    const s = project();
    const id = addParcels(s, 700);
    s.layers.classes(id, 'DLBM', 'DLMC');
    s.db.exec(`DELETE FROM "${id}" WHERE fid % 2 = 0`);
    s.db.prepare("UPDATE gpkg_contents SET last_change = '2030-01-01T00:00:00.000Z' WHERE table_name = ?").run(id);
    expect(s.layers.classes(id, 'DLBM', 'DLMC')).toEqual(expectedClasses(700, (fid) => fid % 2 === 1));
    expect(s.layers.classes(id, 'DLBM')).toEqual(expectedClasses(700, (fid) => fid % 2 === 1).map((c) => ({ ...c, label: null })));
    expect(cacheRows(s)).toEqual([{ kind: 'classes', version: '2030-01-01T00:00:00.000Z', recipe: 'field=DLBM;label=' }]);
  });

  it('refuses a field the layer does not have, and go with the layer when it is deleted', () => {
    const s = project();
    const id = addParcels(s, 50);
    expect(() => s.layers.classes(id, 'NOPE')).toThrow(expect.objectContaining({ code: 'FIELD_NOT_FOUND' }));
    s.layers.classes(id, 'DLBM');
    s.layers.delete(id);
    expect(cacheRows(s)).toEqual([]);
  });
});
