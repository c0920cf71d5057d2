import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage, isMessageCode } from '#core';
import type { ParamIssueView } from '../../../electron/host/api';
import { invoke } from '../api';
import { INPUT_DEFS, type ParameterSet, type ParamValue } from '#core';
import { errorText, langOf } from '../format/error-text';
import { Modal } from '../shell/Modal';
import { Tabs } from '../shell/Tabs';

type Tab = 'classes' | 'prices' | 'constants';

/** How long typing pauses before the set is checked again, ms. */
const VALIDATE_DELAY_MS = 300;

/** The editable cell an issue belongs to: its path without the value/unit/source leaf (e.g. `constants.eer`). */
function cellOf(path: string): string {
  return path.replace(/\.(value|unit|source)$/, '');
}

/**
 * The parameter set as editable tables built from core's input catalogue (labels and units in zh/en): land class ×
 * class inputs, prices with year and source, constants. Checked by the host (core's validation) before saving;
 * problems are shown beside the table.
 */
export function ParamsEditor({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [name, setName] = useState('');
  const [set, setSet] = useState<ParameterSet | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const [tab, setTab] = useState<Tab>('classes');
  const [issues, setIssues] = useState<ParamIssueView[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [edited, setEdited] = useState(false);

  useEffect(() => {
    invoke('params:get', { id })
      .then((s) => {
        setName(s.name);
        setSet(s.json as ParameterSet);
        setReadOnly(s.builtin);
      })
      .catch((e: unknown) => setMessage(errorText(e, langOf(i18n.language))));
    // Loaded once per set: a language switch must not reload it and discard the edits.
  }, [id, i18n]);

  const classInputs = useMemo(() => {
    if (!set) return [];
    const used = new Set(set.classes.flatMap((c) => Object.keys(c.inputs)));
    return INPUT_DEFS.filter((d) => d.type === 'class' && used.has(d.id));
  }, [set]);

  const setValue = (update: (s: ParameterSet) => void) => {
    if (!set || readOnly) return;
    const next = structuredClone(set);
    update(next);
    setSet(next);
    setEdited(true);
    setMessage(null);
  };

  // Every edit is checked by the host shortly after typing stops, so a bad value is marked in its cell at once.
  useEffect(() => {
    if (!set || !edited) return;
    let live = true;
    const timer = setTimeout(() => {
      invoke('params:validate', { json: set })
        .then((found) => live && setIssues(found))
        .catch((e: unknown) => live && setMessage(errorText(e, lang)));
    }, VALIDATE_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [set, edited, lang]);

  const byCell = useMemo(() => {
    const m = new Map<string, ParamIssueView[]>();
    for (const i of issues ?? []) m.set(cellOf(i.path), [...(m.get(cellOf(i.path)) ?? []), i]);
    return m;
  }, [issues]);
  const issueText = (i: ParamIssueView) => (isMessageCode(i.code) ? formatMessage(i.code, i.details, lang) : i.code);

  const save = async () => {
    if (!set) return;
    setMessage(null);
    try {
      const found = await invoke('params:validate', { json: set });
      setIssues(found);
      const errors = found.filter((i) => i.severity === 'error').length;
      if (errors > 0) {
        setMessage(t('params.notSaved', { count: errors }));
        return;
      }
      await invoke('params:save', { id, name, json: set });
      setEdited(false);
      setMessage(t('params.saved'));
    } catch (e) {
      setMessage(errorText(e, lang));
    }
  };

  /**
   * A value's input; `cell` is its path in the set (e.g. `prices.carbonPrice`), where the checks report it. A cleared
   * cell is NaN (not 0), so the set's checks refuse it instead of saving a silent zero.
   */
  const num = (cell: string, v: ParamValue | undefined, onChange: (x: number) => void) => {
    const errors = byCell.get(cell)?.filter((i) => i.severity === 'error') ?? [];
    return (
      <>
        <input type="number" className={errors.length ? 'invalid' : v && !v.verified ? 'unverified' : ''} value={v && Number.isFinite(v.value) ? v.value : ''} disabled={readOnly || !v} step="any"
          aria-invalid={errors.length > 0} data-cell={cell}
          title={v ? `${v.unit} · ${v.tag}${v.verified ? '' : ` · ${t('params.unverified')}`}` : ''} onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))} />
        {errors.map((i, n) => <div key={n} className="cell-error" role="alert" data-testid="param-cell-error">{issueText(i)}</div>)}
      </>
    );
  };

  return (
    <Modal title={`${t('params.title')}: ${name}`} onClose={onClose} wide>
      {!set ? <p>{message ?? t('app.loading')}</p> : (
        <div className="params-editor" data-testid="params-editor">
          {readOnly && <p className="notice">{t('params.builtinReadOnly')}</p>}
          <Tabs<Tab> value={tab} onChange={setTab} tabs={[{ id: 'classes', label: t('params.classes') }, { id: 'prices', label: t('params.prices') }, { id: 'constants', label: t('params.constants') }]} />
          <div className="params-table-wrap">
            {tab === 'classes' && (
              <table className="data-table params">
                <thead>
                  <tr>
                    <th scope="col">{t('params.code')}</th>
                    {classInputs.map((d) => <th key={d.id} scope="col" title={d.about[lang]}>{d.label[lang]}<br /><span className="muted small">{d.unit}</span></th>)}
                  </tr>
                </thead>
                <tbody>
                  {set.classes.map((c, ci) => (
                    <tr key={c.code}>
                      <th scope="row" title={c.basis}>{c.code}</th>
                      {classInputs.map((d) => <td key={d.id}>{num(`classes.${c.code}.inputs.${d.id}`, c.inputs[d.id], (x) => setValue((s) => { s.classes[ci].inputs[d.id].value = x; }))}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {tab === 'prices' && (
              <table className="data-table params">
                <thead><tr><th scope="col">ID</th><th scope="col">{t('params.value')}</th><th scope="col">{t('params.unit')}</th><th scope="col">{t('params.year')}</th><th scope="col">{t('params.source')}</th><th scope="col">{t('params.tag')}</th></tr></thead>
                <tbody>
                  {Object.entries(set.prices).map(([k, p]) => (
                    <tr key={k}>
                      <th scope="row">{k}</th>
                      <td>{num(`prices.${k}`, p, (x) => setValue((s) => { s.prices[k].value = x; }))}</td>
                      <td>{p.unit}</td>
                      <td><input type="number" value={p.priceYear ?? ''} disabled={readOnly} onChange={(e) => setValue((s) => { s.prices[k].priceYear = e.target.value ? Number(e.target.value) : null; })} /></td>
                      <td className="small" title={p.source ? set.sources[p.source] : ''}>{p.source ?? '—'}</td>
                      <td>{p.tag}{p.verified ? '' : <span className="badge warn">{t('params.unverified')}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {tab === 'constants' && (
              <table className="data-table params">
                <thead><tr><th scope="col">ID</th><th scope="col">{t('params.value')}</th><th scope="col">{t('params.unit')}</th><th scope="col">{t('params.source')}</th><th scope="col">{t('params.tag')}</th></tr></thead>
                <tbody>
                  {Object.entries({ ...set.constants, ...set.zone }).map(([k, p]) => (
                    <tr key={k}>
                      <th scope="row">{INPUT_DEFS.find((d) => d.id === k)?.label[lang] ?? k}</th>
                      <td>{num(`${k in set.constants ? 'constants' : 'zone'}.${k}`, p, (x) => setValue((s) => { (k in s.constants ? s.constants : s.zone)[k].value = x; }))}</td>
                      <td>{p.unit}</td>
                      <td className="small">{p.source ?? '—'}</td>
                      <td>{p.tag}{p.verified ? '' : <span className="badge warn">{t('params.unverified')}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          {issues && (issues.length === 0 ? <p className="ok small">{t('params.noIssues')}</p> : (
            <ul className="issues small" data-testid="param-issues">
              {issues.map((i, n) => <li key={n} className={i.severity}>{i.path}: {issueText(i)}</li>)}
            </ul>
          ))}
          {message && <p className="small" role="status">{message}</p>}
          <div className="button-row end">
            <button type="button" onClick={onClose}>{t('panels.close')}</button>
            <button type="button" className="primary" disabled={readOnly} onClick={() => void save()}>{t('params.save')}</button>
          </div>
        </div>
      )}
    </Modal>
  );
}
