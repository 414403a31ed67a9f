import { useEffect, useState, type FormEvent } from 'react';
import { api, reason, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import type { Me } from '../../session/useMe';
import { Conversation } from '../../tickets/Conversation';
import type { Message, Ticket } from '../../tickets/tickets';
import { changedFields, draftOf, type Draft, type FieldDef } from './customFields';

type Write = (headers: Record<string, string>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
type Act = (write: Write, mine: string) => void;

/** The organisation's custom fields on this ticket, checked as the service checks them before they are sent. */
function CustomFieldsCard({ ticket, busy, act }: { ticket: Ticket; busy: boolean; act: Act }) {
  const { t } = useI18n();
  const [defs, setDefs] = useState<FieldDef[]>([]);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const current = (ticket.customFields ?? {}) as Record<string, unknown>;
  useEffect(() => {
    void api.GET('/api/tickets/custom-fields', {}).then(({ data }) => setDefs((data?.customFields ?? [])
      .filter((f) => !f.retired && f.key)
      .map((f) => ({ key: f.key ?? '', label: f.label ?? f.key ?? '', type: f.type ?? 'TEXT', required: f.required === true,
        options: (f.options ?? []).filter((o): o is string => typeof o === 'string') }))));
  }, []);
  useEffect(() => {
    setDrafts({});
    setProblems({});
  }, [ticket.version]);
  if (defs.length === 0) return null;
  const draft = (def: FieldDef) => drafts[def.key] ?? draftOf(def, current[def.key]);
  const set = (key: string, value: Draft) => setDrafts((all) => ({ ...all, [key]: value }));
  const save = (event: FormEvent) => {
    event.preventDefault();
    const { changes, problems: found } = changedFields(defs, drafts, current);
    setProblems(found);
    if (Object.keys(found).length || Object.keys(changes).length === 0) return;
    act((headers) => api.PUT('/api/tickets/{id}', { params: { path: { id: ticket.ticketId ?? '' } }, headers,
      body: { customFields: changes } }), t('panel.fieldsSaved'));
  };
  return (
    <form className="card" onSubmit={save} noValidate data-testid="custom-fields">
      <h2>{t('panel.customFields')}</h2>
      {defs.map((def) => {
        const id = `cf-${def.key}`;
        const problem = problems[def.key];
        const value = draft(def);
        const described = problem ? { 'aria-invalid': true, 'aria-describedby': `${id}-problem` } : {};
        return (
          <div className="field" key={def.key}>
            {def.type === 'CHECKBOX' ? (
              <label><input id={id} type="checkbox" checked={value === true} onChange={(e) => set(def.key, e.target.checked)} /> {def.label}</label>
            ) : (
              <>
                <label htmlFor={id}>{def.label}{def.required ? ' *' : ''}</label>
                {def.type === 'DROPDOWN' ? (
                  <select id={id} value={String(value)} onChange={(e) => set(def.key, e.target.value)} {...described}>
                    <option value="">{t('common.none')}</option>
                    {def.options.map((o) => <option key={o} value={o}>{o}</option>)}
                  </select>
                ) : def.type === 'MULTI_SELECT' ? (
                  <select id={id} multiple value={value as string[]} {...described}
                    onChange={(e) => set(def.key, Array.from(e.target.selectedOptions, (o) => o.value))}>
                    {def.options.map((o) => <option key={o} value={o}>{o}</option>)}
                  </select>
                ) : (
                  <input id={id} type={def.type === 'DATE' ? 'date' : 'text'} inputMode={def.type === 'NUMBER' ? 'decimal' : undefined}
                    value={String(value)} required={def.required} onChange={(e) => set(def.key, e.target.value)} {...described} />
                )}
              </>
            )}
            {problem && <span id={`${id}-problem`} className="error">{t(`panel.problem.${problem}` as MessageKey)}</span>}
          </div>
        );
      })}
      <button type="submit" className="button small" disabled={busy}>{t('panel.saveFields')}</button>
    </form>
  );
}

/** Merge this ticket into another, or link it to one; the other ticket is named by its id. */
function MergeLinkCard({ ticket, busy, act }: { ticket: Ticket; busy: boolean; act: Act }) {
  const { t } = useI18n();
  const [other, setOther] = useState('');
  const [confirming, setConfirming] = useState(false);
  const path = { params: { path: { id: ticket.ticketId ?? '' } } };
  const target = other.trim();
  const link = () => act(() => api.POST('/api/tickets/{id}/links', { ...path, body: { ticketId: target, relation: 'related' } }),
    t('panel.linked'));
  const merge = () => {
    setConfirming(false);
    act((headers) => api.POST('/api/tickets/{id}/merge', { ...path, headers, body: { targetTicketId: target } }), t('panel.merged'));
  };
  return (
    <div className="card" data-testid="merge-link">
      <h2>{t('panel.mergeLink')}</h2>
      {ticket.mergedInto && <p className="notice">{t('panel.mergedInto', { id: ticket.mergedInto })}</p>}
      <div className="field">
        <label htmlFor="other-ticket">{t('panel.otherTicket')}</label>
        <input id="other-ticket" value={other} onChange={(e) => setOther(e.target.value)} />
      </div>
      <div className="row">
        <button type="button" className="button small" disabled={busy || !target} onClick={link}>{t('panel.link')}</button>
        <button type="button" className="button small" disabled={busy || !target || !!ticket.mergedInto}
          onClick={() => setConfirming(true)}>{t('panel.merge')}</button>
      </div>
      {confirming && (
        <div role="alertdialog" aria-labelledby="merge-confirm" className="notice">
          <p id="merge-confirm">{t('panel.mergeConfirm', { id: target })}</p>
          <div className="row">
            <button type="button" className="button small" onClick={() => setConfirming(false)}>{t('conflict.discard')}</button>
            <button type="button" className="button small primary" onClick={merge} autoFocus>{t('panel.merge')}</button>
          </div>
        </div>
      )}
    </div>
  );
}

type AsOf = Schemas['TicketAsOf'];

/** The ticket as it was at a chosen moment, replayed from the event store; read-only. */
function TimeTravelCard({ ticket, me }: { ticket: Ticket; me: Me }) {
  const { t, dateTime } = useI18n();
  const [moment, setMoment] = useState('');
  const [then, setThen] = useState<AsOf | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const at = new Date(moment);
    if (Number.isNaN(at.getTime())) return;
    // ticket-service's time travel, rebuilt from the event store
    const { data, error: refused } = await api.GET('/api/tickets/{id}/as-of/{asOf}', {
      params: { path: { id: ticket.ticketId ?? '', asOf: at.toISOString() } },
    });
    if (refused || !data) {
      setThen(null);
      setError(reason(refused, t('common.failed')));
    } else setThen(data as unknown as AsOf);
  };
  const messages: Message[] = (then?.messages ?? []).map((m) => ({
    id: m.messageId ?? '', body: m.body ?? '', at: m.at ?? '',
    visibility: (m.visibility ?? 'public').toLowerCase() as Message['visibility'],
    authorId: m.by?.userId ?? undefined, authorRole: m.by?.role ?? undefined,
  }));
  return (
    <div className="card" data-testid="time-travel">
      <h2>{t('panel.asOf')}</h2>
      <form className="row" onSubmit={show}>
        <label className="visually-hidden" htmlFor="as-of">{t('panel.asOfMoment')}</label>
        <input id="as-of" type="datetime-local" value={moment} onChange={(e) => setMoment(e.target.value)} />
        <button type="submit" className="button small" disabled={!moment}>{t('panel.show')}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {then && (
        <section className="as-of" aria-label={t('panel.asOfView', { at: dateTime(then.asOf) })} data-testid="as-of-view">
          <p className="notice">{t('panel.asOfView', { at: dateTime(then.asOf) })} · {t('panel.readOnly')}</p>
          <dl>
            <dt>{t('panel.subject')}</dt><dd>{then.subject}</dd>
            <dt>{t('ticket.changeStatus')}</dt><dd>{then.statusLabel ?? then.status}</dd>
            <dt>{t('ticket.changePriority')}</dt><dd>{then.priority}</dd>
            <dt>{t('ticket.assignee')}</dt><dd>{then.agentId ?? t('ticket.unassigned')}</dd>
            <dt>{t('ticket.tags')}</dt><dd>{then.tags?.length ? then.tags.join(', ') : t('common.none')}</dd>
          </dl>
          <Conversation messages={messages} me={me} staffView />
          <button type="button" className="button small" onClick={() => setThen(null)}>{t('panel.backToNow')}</button>
        </section>
      )}
    </div>
  );
}

/** The ticket view's extra panels: custom fields, merge and link, and time travel. */
export function TicketPanels({ me, ticket, busy, act }: { me: Me; ticket: Ticket; busy: boolean; act: Act }) {
  return (
    <>
      <CustomFieldsCard ticket={ticket} busy={busy} act={act} />
      <MergeLinkCard ticket={ticket} busy={busy} act={act} />
      <TimeTravelCard ticket={ticket} me={me} />
    </>
  );
}
