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

  useEffect(() => {
    invoke('params:get', { id })
      .then((s) => {
        setName(s.name);
        setSet(s.json as ParameterSet);
        setReadOnly(s.builtin);
      })
      .catch((e: unknown) => setMessage(errorText(e, lang)));
  }, [id, lang]);

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
    setIssues(null);
  };

  const save = async () => {
    if (!set) return;
    setMessage(null);
    try {
      const found = await invoke('params:validate', { json: set });
      setIssues(found);
      if (found.some((i) => i.severity === 'error')) return;
      await invoke('params:save', { id, name, json: set });
      setMessage(t('params.saved'));
    } catch (e) {
      setMessage(errorText(e, lang));
    }
  };

  const num = (v: ParamValue | undefined, onChange: (x: number) => void) => (
    <input type="number" className={v && !v.verified ? 'unverified' : ''} value={v?.value ?? ''} disabled={readOnly || !v} step="any"
      title={v ? `${v.unit} · ${v.tag}${v.verified ? '' : ` · ${t('params.unverified')}`}` : ''} onChange={(e) => onChange(Number(e.target.value))} />
  );

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
                      {classInputs.map((d) => <td key={d.id}>{num(c.inputs[d.id], (x) => setValue((s) => { s.classes[ci].inputs[d.id].value = x; }))}</td>)}
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
                      <td>{num(p, (x) => setValue((s) => { s.prices[k].value = x; }))}</td>
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
                      <td>{num(p, (x) => setValue((s) => { (k in s.constants ? s.constants : s.zone)[k].value = x; }))}</td>
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
              {issues.map((i, n) => <li key={n} className={i.severity}>{i.path}: {isMessageCode(i.code) ? formatMessage(i.code, i.details, lang) : i.code}</li>)}
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
