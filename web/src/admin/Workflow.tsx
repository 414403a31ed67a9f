import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, reason, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { hasActions } from '../composer/macros';
import { actionsOf, formOf, NO_ACTIONS, type MacroForm } from './macroForm';
import { move } from './order';

const STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'PENDING', 'ON_HOLD', 'RESOLVED', 'CLOSED'] as const;

/** Statuses (the organisation's label for each of the fixed ticket states) and the priorities, in order. */
export function StatusesAndPriorities() {
  const { t } = useI18n();
  const [labels, setLabels] = useState<Schemas['StatusLabelView'][] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [priorities, setPriorities] = useState<string[] | null>(null);
  const [newPriority, setNewPriority] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.GET('/api/tickets/statuses').then(({ data }) => setLabels(data?.statuses ?? []));
    api.GET('/api/tickets/priorities').then(({ data }) => setPriorities(data?.priorities ?? []));
  }, []);
  useEffect(reload, [reload]);

  const saveLabel = async (status: string) => {
    setError(null);
    setNotice(null);
    const label = (drafts[status] ?? '').trim();
    if (!label) return;
    const existing = labels?.find((entry) => entry.status === status);
    const { error: refused } = existing?.labelId
      ? await api.PUT('/api/tickets/statuses/{id}', { params: { path: { id: existing.labelId } }, body: { status, label } })
      : await api.POST('/api/tickets/statuses', { body: { status, label } });
    if (refused) setError(reason(refused, t('common.failed')));
    else setNotice(t('settings.saved'));
    reload();
  };
  const savePriorities = async (next: string[]) => {
    setError(null);
    setNotice(null);
    const { data, error: refused } = await api.PUT('/api/tickets/priorities', { body: { priorities: next } });
    if (refused) setError(reason(refused, t('common.failed')));
    else {
      setPriorities(data?.priorities ?? next);
      setNotice(t('settings.saved'));
    }
  };
  const addPriority = (event: FormEvent) => {
    event.preventDefault();
    if (!priorities || !newPriority.trim()) return;
    void savePriorities([...priorities, newPriority.trim()]);
    setNewPriority('');
  };

  return (
    <>
      <h1>{t('settings.workflow')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      <div className="admin-layout">
        <section className="card table-card" aria-labelledby="statuses-title">
          <h2 id="statuses-title" className="section-title">{t('settings.statuses')}</h2>
          <p className="hint">{t('settings.statusesHint')}</p>
          {labels === null ? <p className="empty">{t('common.loading')}</p> : (
            <table className="table">
              <thead><tr><th>{t('settings.state')}</th><th>{t('settings.label')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
              <tbody>{STATUSES.map((status) => {
                const current = labels.find((entry) => entry.status === status)?.label ?? '';
                return (
                  <tr key={status}>
                    <td><code>{status.toLowerCase()}</code></td>
                    <td><input aria-label={t('settings.labelFor', { status: status.toLowerCase() })} maxLength={60}
                      value={drafts[status] ?? current} onChange={(e) => setDrafts({ ...drafts, [status]: e.target.value })} /></td>
                    <td><button type="button" className="button small" onClick={() => void saveLabel(status)}>{t('common.save')}</button></td>
                  </tr>
                );
              })}</tbody>
            </table>
          )}
        </section>
        <section className="card" aria-labelledby="priorities-title">
          <h2 id="priorities-title">{t('settings.priorities')}</h2>
          <p className="hint">{t('settings.prioritiesHint')}</p>
          {priorities === null ? <p className="empty">{t('common.loading')}</p> : (
            <ol className="compact-list">
              {priorities.map((priority, index) => (
                <li key={priority} className="row">
                  <span>{priority}</span><span className="spacer" />
                  <button type="button" className="button small" disabled={index === 0}
                    aria-label={t('settings.moveUp', { name: priority })} onClick={() => void savePriorities(move(priorities, index, -1))}>↑</button>
                  <button type="button" className="button small" disabled={index === priorities.length - 1}
                    aria-label={t('settings.moveDown', { name: priority })} onClick={() => void savePriorities(move(priorities, index, 1))}>↓</button>
                  <button type="button" className="button small" aria-label={t('settings.removeNamed', { name: priority })}
                    onClick={() => void savePriorities(priorities.filter((p) => p !== priority))}>✕</button>
                </li>
              ))}
            </ol>
          )}
          <form className="row" onSubmit={addPriority}>
            <label className="visually-hidden" htmlFor="new-priority">{t('settings.newPriority')}</label>
            <input id="new-priority" placeholder={t('settings.newPriority')} value={newPriority} onChange={(e) => setNewPriority(e.target.value)} />
            <button type="submit" className="button">{t('settings.add')}</button>
          </form>
        </section>
      </div>
    </>
  );
}

/**
 * Canned responses agents insert into replies: title and body; create, edit, delete. With actions (status, priority,
 * tags, assignment, internal note) they are macros agents apply from the composer.
 */
export function CannedResponses() {
  const { t } = useI18n();
  const [items, setItems] = useState<Schemas['CannedResponseView'][] | null>(null);
  const [form, setForm] = useState({ title: '', body: '' });
  const [actions, setActions] = useState<MacroForm>(NO_ACTIONS);
  const [priorities, setPriorities] = useState<string[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.GET('/api/tickets/canned-responses').then(({ data }) => setItems(data?.cannedResponses ?? []));
    api.GET('/api/tickets/priorities').then(({ data }) => setPriorities(data?.priorities ?? []));
  }, []);
  useEffect(reload, [reload]);
  const reset = () => {
    setEditing(null);
    setForm({ title: '', body: '' });
    setActions(NO_ACTIONS);
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const body = { title: form.title.trim(), body: form.body, actions: actionsOf(actions) };
    const { error: refused } = editing
      ? await api.PUT('/api/tickets/canned-responses/{id}', { params: { path: { id: editing } }, body })
      : await api.POST('/api/tickets/canned-responses', { body });
    if (refused) {
      setError(reason(refused, t('common.failed')));
      return;
    }
    reset();
    reload();
  };
  const remove = async (id: string) => {
    const { error: refused } = await api.DELETE('/api/tickets/canned-responses/{id}', { params: { path: { id } } });
    if (refused) setError(reason(refused, t('common.failed')));
    reload();
  };
  const summary = (item: Schemas['CannedResponseView']) => {
    const a = item.actions;
    if (!hasActions(a)) return '';
    return [a?.setStatus, a?.setPriority, ...(a?.addTags ?? []).map((tag) => `+${tag}`),
      ...(a?.removeTags ?? []).map((tag) => `−${tag}`), a?.assignAgentId ?? a?.assignGroupId,
      a?.internalNote ? t('macro.note') : null].filter(Boolean).join(', ');
  };
  const set = (part: Partial<MacroForm>) => setActions({ ...actions, ...part });
  return (
    <>
      <h1>{t('settings.canned')}</h1>
      <div className="admin-layout">
        <div className="card table-card">
          {items === null ? <p className="empty">{t('common.loading')}</p> : items.length === 0 ? <p className="empty">{t('settings.noCanned')}</p> : (
            <table className="table">
              <thead><tr><th>{t('settings.cannedTitle')}</th><th>{t('settings.cannedBody')}</th><th>{t('macro.summaryColumn')}</th>
                <th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
              <tbody>{items.map((item) => (
                <tr key={item.cannedResponseId}>
                  <td>{item.title}</td>
                  <td className="muted">{(item.body ?? '').slice(0, 120)}</td>
                  <td className="muted">{summary(item)}</td>
                  <td><div className="row">
                    <button type="button" className="button small" aria-label={t('fields.editNamed', { label: item.title ?? '' })}
                      onClick={() => {
                        setEditing(item.cannedResponseId ?? null);
                        setForm({ title: item.title ?? '', body: item.body ?? '' });
                        setActions(formOf(item.actions));
                      }}>
                      {t('fields.edit')}</button>
                    <button type="button" className="button small" aria-label={t('settings.removeNamed', { name: item.title ?? '' })}
                      onClick={() => void remove(item.cannedResponseId ?? '')}>{t('settings.remove')}</button>
                  </div></td>
                </tr>
              ))}</tbody>
            </table>
          )}
        </div>
        <form className="card" onSubmit={save}>
          <h2>{editing ? t('settings.editCanned') : t('settings.newCanned')}</h2>
          {error && <p className="error" role="alert">{error}</p>}
          <div className="field"><label htmlFor="canned-title">{t('settings.cannedTitle')}</label>
            <input id="canned-title" required maxLength={200} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} /></div>
          <div className="field"><label htmlFor="canned-body">{t('settings.cannedBody')}</label>
            <textarea id="canned-body" required rows={6} maxLength={20_000} value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} /></div>
          <fieldset className="field">
            <legend>{t('macro.actions')}</legend>
            <div className="field"><label htmlFor="macro-status">{t('macro.setStatus')}</label>
              <select id="macro-status" value={actions.status} onChange={(e) => set({ status: e.target.value })}>
                <option value="">{t('macro.unchanged')}</option>
                {STATUSES.map((status) => <option key={status} value={status}>{t(`status.${status}`)}</option>)}
              </select></div>
            {actions.status === 'RESOLVED' && (
              <div className="field"><label htmlFor="macro-resolution">{t('macro.resolutionSummary')}</label>
                <textarea id="macro-resolution" required rows={2} maxLength={10_000} value={actions.resolution}
                  onChange={(e) => set({ resolution: e.target.value })} /></div>
            )}
            <div className="field"><label htmlFor="macro-priority">{t('macro.setPriority')}</label>
              <select id="macro-priority" value={actions.priority} onChange={(e) => set({ priority: e.target.value })}>
                <option value="">{t('macro.unchanged')}</option>
                {priorities.map((priority) => <option key={priority} value={priority}>{priority}</option>)}
              </select></div>
            <div className="field"><label htmlFor="macro-add-tags">{t('macro.addTags')}</label>
              <input id="macro-add-tags" value={actions.addTags} onChange={(e) => set({ addTags: e.target.value })} /></div>
            <div className="field"><label htmlFor="macro-remove-tags">{t('macro.removeTags')}</label>
              <input id="macro-remove-tags" value={actions.removeTags} onChange={(e) => set({ removeTags: e.target.value })} /></div>
            <div className="field"><label htmlFor="macro-assign">{t('macro.assign')}</label>
              <select id="macro-assign" value={actions.assign}
                onChange={(e) => set({ assign: e.target.value as MacroForm['assign'] })}>
                <option value="">{t('macro.unchanged')}</option>
                <option value="me">{t('macro.assignMe')}</option>
                <option value="agent">{t('macro.assignAgent')}</option>
                <option value="group">{t('macro.assignGroup')}</option>
              </select></div>
            {(actions.assign === 'agent' || actions.assign === 'group') && (
              <div className="field"><label htmlFor="macro-assign-target">{t('macro.assignTarget')}</label>
                <input id="macro-assign-target" required maxLength={100} value={actions.assignTarget}
                  onChange={(e) => set({ assignTarget: e.target.value })} /></div>
            )}
            <label className="row"><input type="checkbox" checked={actions.internalNote}
              onChange={(e) => set({ internalNote: e.target.checked })} /> {t('macro.internalNote')}</label>
          </fieldset>
          <div className="row">
            <button type="submit" className="button primary">{editing ? t('common.save') : t('admin.create')}</button>
            {editing && <button type="button" className="button" onClick={reset}>{t('common.cancel')}</button>}
          </div>
        </form>
      </div>
    </>
  );
}
