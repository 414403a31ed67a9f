import { useState, type FormEvent } from 'react';
import { api, reason, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { Me } from '../../session/useMe';
import { groupsOf, useStaff } from '../../tickets/staff';
import { PRIORITIES, STATUSES, type Ticket } from '../../tickets/tickets';

type BulkChange = Schemas['BulkChange'];
type BulkResult = Schemas['BulkResult'];

/**
 * Changes the selected tickets at once (POST /api/tickets/bulk): assign (to me, an agent, a group), status,
 * priority, tags. Each ticket is sent with the version the agent saw, and the answer is shown per ticket.
 */
export function BulkBar({ me, selected, onClear, onDone }: { me: Me; selected: Ticket[]; onClear: () => void;
  onDone: () => void }) {
  const { t } = useI18n();
  const [agent, setAgent] = useState('');
  const [group, setGroup] = useState('');
  const [status, setStatus] = useState('');
  const [priority, setPriority] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const numbers = new Map(selected.map((ticket) => [ticket.ticketId, ticket.number]));
  const [shown, setShown] = useState(numbers);

  const send = async (change: Partial<BulkChange>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    const ticketIds = selected.map((ticket) => ticket.ticketId ?? '').filter(Boolean);
    const versions = Object.fromEntries(selected.filter((ticket) => ticket.version != null)
      .map((ticket) => [ticket.ticketId ?? '', ticket.version!]));
    try {
      const { data, error: refused } = await api.POST('/api/tickets/bulk', { body: { ticketIds, versions, ...change } });
      if (refused || !data) {
        setError(reason(refused, t('common.failed')));
        return;
      }
      setShown(numbers);
      setResult(data);
      onDone();
    } finally {
      setBusy(false);
    }
  };
  const submit = (change: Partial<BulkChange>) => (event: FormEvent) => {
    event.preventDefault();
    void send(change);
  };
  const staff = useStaff();
  const groups = groupsOf(staff, me.groups ?? []);

  return (
    <section className="bulk card" aria-label={t('bulk.label')} data-testid="bulk-bar">
      {selected.length > 0 && (
        <div className="row wrap">
          <strong data-testid="bulk-count">{t('bulk.selected', { count: selected.length })}</strong>
          <button type="button" className="button small" onClick={onClear} disabled={busy}>{t('bulk.clear')}</button>
          <button type="button" className="button small primary" disabled={busy}
            onClick={() => void send({ agentId: 'me' })}>{t('bulk.assignMe')}</button>
          <form className="row" onSubmit={submit({ agentId: agent })}>
            <label className="visually-hidden" htmlFor="bulk-agent">{t('bulk.agent')}</label>
            <select id="bulk-agent" className="input" value={agent} required onChange={(event) => setAgent(event.target.value)}>
              <option value="">{t('bulk.agent')}</option>
              {staff.map((member) => <option key={member.id} value={member.id}>{member.name}</option>)}
            </select>
            <button type="submit" className="button small" disabled={busy || !agent}>{t('bulk.assignAgent')}</button>
          </form>
          <form className="row" onSubmit={submit({ groupId: group.trim() })}>
            <label className="visually-hidden" htmlFor="bulk-group">{t('bulk.group')}</label>
            <input id="bulk-group" className="input" list="bulk-groups" placeholder={t('bulk.group')} value={group} required
              onChange={(event) => setGroup(event.target.value)} />
            <datalist id="bulk-groups">{groups.map((id) => <option key={id} value={id} />)}</datalist>
            <button type="submit" className="button small" disabled={busy || !group.trim()}>{t('bulk.assignGroup')}</button>
          </form>
          <form className="row" onSubmit={submit({ status: status as BulkChange['status'] })}>
            <label className="visually-hidden" htmlFor="bulk-status">{t('bulk.status')}</label>
            <select id="bulk-status" className="input" value={status} onChange={(event) => setStatus(event.target.value)}>
              <option value="">{t('bulk.choose')}</option>
              {STATUSES.map((value) => <option key={value} value={value}>{t(`status.${value}`)}</option>)}
            </select>
            <button type="submit" className="button small" disabled={busy || !status}>{t('bulk.status')}</button>
          </form>
          <form className="row" onSubmit={submit({ priority })}>
            <label className="visually-hidden" htmlFor="bulk-priority">{t('bulk.priority')}</label>
            <select id="bulk-priority" className="input" value={priority} onChange={(event) => setPriority(event.target.value)}>
              <option value="">{t('bulk.choose')}</option>
              {PRIORITIES.map((value) => <option key={value} value={value}>{t(`priority.${value}`)}</option>)}
            </select>
            <button type="submit" className="button small" disabled={busy || !priority}>{t('bulk.priority')}</button>
          </form>
          <form className="row" onSubmit={submit({ addTags: tags.split(',').map((tag) => tag.trim()).filter(Boolean) })}>
            <label className="visually-hidden" htmlFor="bulk-tags">{t('bulk.tags')}</label>
            <input id="bulk-tags" className="input" placeholder={t('bulk.tags')} value={tags}
              onChange={(event) => setTags(event.target.value)} />
            <button type="submit" className="button small" disabled={busy || !tags.trim()}>{t('bulk.addTags')}</button>
          </form>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {result && (
        <div role="status" data-testid="bulk-result">
          <p><strong>{t('bulk.result', { changed: result.changed ?? 0, refused: result.refused ?? 0 })}</strong></p>
          <ul aria-label={t('bulk.outcomes')} className="bulk-outcomes">
            {(result.tickets ?? []).map((outcome) => (
              <li key={outcome.ticketId} className={outcome.outcome === 'changed' ? 'changed' : 'refused'}
                data-testid={`bulk-${outcome.outcome}`}>
                #{shown.get(outcome.ticketId) ?? outcome.ticketId}:{' '}
                {outcome.outcome === 'changed' ? t('bulk.changed')
                  : t('bulk.refused', { reason: reason(outcome.problem, t('common.failed')) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
