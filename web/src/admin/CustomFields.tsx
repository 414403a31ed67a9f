import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, reason, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { FIELD_TYPES, keyFromLabel, optionsOf, parseOptions } from './customFieldValues';

type Field = Schemas['CustomFieldView'];
const EMPTY = { key: '', label: '', type: 'text', options: '', required: false, visibleToCustomers: false };

/** Custom fields of tickets: define (type, options, required, visible to customers), edit, retire. */
export function CustomFields() {
  const { t } = useI18n();
  const [fields, setFields] = useState<Field[] | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [keyTouched, setKeyTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.GET('/api/tickets/custom-fields', { params: { query: { includeRetired: true } } })
      .then(({ data }) => setFields(data?.customFields ?? []), (failure: unknown) => setError(reason(failure, t('common.failed'))));
  }, [t]);
  useEffect(reload, [reload]);

  const withOptions = form.type === 'dropdown' || form.type === 'multi_select';
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    const body = { key: form.key.trim(), label: form.label.trim(), type: form.type,
      options: withOptions ? parseOptions(form.options) : [], required: form.required, visibleToCustomers: form.visibleToCustomers };
    const { error: refused } = editing
      ? await api.PUT('/api/tickets/custom-fields/{id}', { params: { path: { id: editing } }, body })
      : await api.POST('/api/tickets/custom-fields', { body });
    if (refused) {
      setError(reason(refused, t('common.failed')));
      return;
    }
    setNotice(t(editing ? 'fields.saved' : 'fields.created', { label: body.label }));
    setForm(EMPTY);
    setEditing(null);
    setKeyTouched(false);
    reload();
  };
  const edit = (field: Field) => {
    setEditing(field.fieldId ?? null);
    setKeyTouched(true);
    setForm({ key: field.key ?? '', label: field.label ?? '', type: field.type ?? 'text', options: optionsOf(field).join('\n'),
      required: !!field.required, visibleToCustomers: !!field.visibleToCustomers });
  };
  const retire = async (id: string) => {
    const { error: refused } = await api.DELETE('/api/tickets/custom-fields/{id}', { params: { path: { id } } });
    if (refused) setError(reason(refused, t('common.failed')));
    reload();
  };

  return (
    <>
      <h1>{t('fields.title')}</h1>
      <div className="admin-layout">
        <div className="card table-card" data-testid="custom-fields">
          {fields === null ? <p className="empty">{t('common.loading')}</p> : fields.length === 0
            ? <p className="empty">{t('fields.none')}</p> : (
              <table className="table">
                <thead><tr><th>{t('fields.label')}</th><th>{t('fields.key')}</th><th>{t('fields.type')}</th>
                  <th>{t('fields.flags')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
                <tbody>{fields.map((field) => (
                  <tr key={field.fieldId} className={field.retired ? 'inactive' : undefined}>
                    <td>{field.label}{optionsOf(field).length > 0 && <div className="hint">{optionsOf(field).join(', ')}</div>}</td>
                    <td><code>{field.key}</code></td>
                    <td>{t(`fields.type.${field.type ?? 'text'}` as MessageKey)}</td>
                    <td>{[field.required && t('fields.required'), field.visibleToCustomers && t('fields.visible'),
                      field.retired && t('fields.retired')].filter(Boolean).join(' · ')}</td>
                    <td>{!field.retired && (
                      <div className="row">
                        <button type="button" className="button small" onClick={() => edit(field)}
                          aria-label={t('fields.editNamed', { label: field.label ?? '' })}>{t('fields.edit')}</button>
                        <button type="button" className="button small" onClick={() => void retire(field.fieldId ?? '')}
                          aria-label={t('fields.retireNamed', { label: field.label ?? '' })}>{t('fields.retire')}</button>
                      </div>
                    )}</td>
                  </tr>
                ))}</tbody>
              </table>
            )}
        </div>
        <form className="card" onSubmit={save} aria-labelledby="field-form-title">
          <h2 id="field-form-title">{editing ? t('fields.editTitle') : t('fields.new')}</h2>
          {error && <p className="error" role="alert">{error}</p>}
          {notice && <p className="notice" role="status">{notice}</p>}
          <div className="field"><label htmlFor="field-label">{t('fields.label')}</label>
            <input id="field-label" required maxLength={100} value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value,
              key: keyTouched ? form.key : keyFromLabel(e.target.value) })} /></div>
          <div className="field"><label htmlFor="field-key">{t('fields.key')}</label>
            <input id="field-key" required maxLength={50} pattern="[a-z][a-z0-9]*(_[a-z0-9]+)*" value={form.key}
              aria-describedby="field-key-hint" onChange={(e) => { setKeyTouched(true); setForm({ ...form, key: e.target.value }); }} />
            <span id="field-key-hint" className="hint">{t('fields.keyHint')}</span></div>
          <div className="field"><label htmlFor="field-type">{t('fields.type')}</label>
            <select id="field-type" value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })}>
              {FIELD_TYPES.map((type) => <option key={type} value={type}>{t(`fields.type.${type}` as MessageKey)}</option>)}
            </select></div>
          {withOptions && (
            <div className="field"><label htmlFor="field-options">{t('fields.options')}</label>
              <textarea id="field-options" required rows={4} value={form.options} aria-describedby="field-options-hint"
                onChange={(e) => setForm({ ...form, options: e.target.value })} />
              <span id="field-options-hint" className="hint">{t('fields.optionsHint')}</span></div>
          )}
          <div className="field"><label className="row" htmlFor="field-required">
            <input id="field-required" type="checkbox" checked={form.required}
              onChange={(e) => setForm({ ...form, required: e.target.checked })} />{t('fields.required')}</label></div>
          <div className="field"><label className="row" htmlFor="field-visible">
            <input id="field-visible" type="checkbox" checked={form.visibleToCustomers}
              onChange={(e) => setForm({ ...form, visibleToCustomers: e.target.checked })} />{t('fields.visible')}</label></div>
          <div className="row">
            <button type="submit" className="button primary">{editing ? t('common.save') : t('admin.create')}</button>
            {editing && <button type="button" className="button" onClick={() => { setEditing(null); setForm(EMPTY); setKeyTouched(false); }}>
              {t('common.cancel')}</button>}
          </div>
        </form>
      </div>
    </>
  );
}
