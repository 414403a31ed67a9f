import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, reason } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { Link, navigate } from '../../nav/router';
import { CustomerPanel } from './CustomerPanel';
import { TicketEditing } from './TicketEditing';
import { TicketPanels } from './TicketPanels';
import type { Me } from '../../session/useMe';
import { AttachmentList } from '../../composer/MessageBody';
import { conversationOf, historyOf, messageOf, ticketFilesOf, withMessages, type Message, openedAs, PRIORITIES, priorityKey, STATUSES, statusKey, type Entry, type Status, type Ticket } from '../../tickets/tickets';
import { PriorityBadge, StatusBadge } from '../../ui/Badges';
import { SlaBadge } from '../../ui/SlaBadge';
import { slaOf } from '../../tickets/sla';
import { Conversation, Composer, Timeline, type Extras, type Focus, type MacroHooks } from '../../tickets/Conversation';
import { neighbourOf, useShortcuts } from '../../nav/shortcuts';
import { useLive } from '../../live/useLive';
import { useStaff } from '../../tickets/staff';
import { usePresence } from '../../live/usePresence';
import { PresenceBar } from '../../live/PresenceBar';
import { changesSince, ifMatch, staleWrite, versionOf, type Stale } from '../../tickets/staleWrite';

type Write = (headers: Record<string, string>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Someone else changed the ticket first: what they changed, and the agent's choice. */
function ConflictDialog({ changes, mine, busy, onReapply, onDiscard }: { changes: Entry[]; mine: string;
  busy: boolean; onReapply: () => void; onDiscard: () => void }) {
  const { t } = useI18n();
  return (
    <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.body')}</p>
      <Timeline entries={changes} />
      {mine && <p className="yours">{t('conflict.yours', { change: mine })}</p>}
      <div className="row">
        <span className="spacer" />
        <button type="button" className="button" onClick={onDiscard} disabled={busy}>{t('conflict.discard')}</button>
        <button type="button" className="button primary" onClick={onReapply} disabled={busy} autoFocus>
          {t('conflict.reapply')}
        </button>
      </div>
    </div>
  );
}

export function TicketPage({ me, ticketId }: { me: Me; ticketId: string }) {
  const { t, dateTime } = useI18n();
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [history, setHistory] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [resolution, setResolution] = useState('');
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<(Stale & { write: Write; mine: string }) | null>(null);
  const [focus, setFocus] = useState<Focus | undefined>();
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [files, setFiles] = useState<{ id: string; fileName: string }[]>([]);
  const [typing, setTyping] = useState(false);
  const [liveNotice, setLiveNotice] = useState(false);
  const [hidden, setHidden] = useState(false);
  const others = usePresence(ticketId, me.id, typing);
  const staff = useStaff();
  const nameOf = (id: string) => staff.find((member) => member.id === id)?.name;
  const composer = useRef<HTMLDivElement>(null);

  const reload = useCallback(async (minVersion?: number) => {
    const query = minVersion ? { minVersion } : undefined;
    const [read, events, conversation] = await Promise.all([
      api.GET('/api/tickets/{id}', { params: { path: { id: ticketId }, query } }),
      historyOf(ticketId).catch(() => null),
      api.GET('/api/tickets/{id}/messages', { params: { path: { id: ticketId }, query } }).catch(() => ({ data: undefined })),
    ]);
    if (conversation.data) {
      setMessages((conversation.data.messages ?? []).map(messageOf));
      setFiles(ticketFilesOf(conversation.data.attachments));
    }
    if (read.data) {
      setTicket(read.data);
      setStatus(read.data.status ?? '');
    } else if (!events) {
      setError(reason(read.error, t('common.notFound')));
    }
    if (events) setHistory(events);
  }, [ticketId, t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // someone else's change shows at once; the history (the versions writes are checked against) follows
  useLive((event) => {
    if (event.kind === 'reload') void reload();
    // assigned away from someone who may no longer see it (an agent outside the new assignee's groups)
    if (event.kind === 'ticket-hidden' && event.ticketId === ticketId) setHidden(true);
    if (event.kind !== 'ticket' || event.ticketId !== ticketId) return;
    setHidden(false);
    if (event.ticket) setTicket((before) => ((before?.version ?? 0) > event.sequence ? before : event.ticket as Ticket));
    if (event.messages.length) setMessages((before) => withMessages(before ?? [], event.messages.map(messageOf)));
    if (event.by?.userId !== me.id) setLiveNotice(true);
    void historyOf(ticketId).then(setHistory).catch(() => undefined);
  });

  /**
   * Runs one write against the version the agent saw (If-Match); afterwards reads the ticket again at least at
   * the version the write answered. Someone else's change in between opens the conflict dialog, never a silent
   * overwrite.
   */
  const act = async (write: Write, mine = '', version = versionOf(history)) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setConflict(null);
    try {
      const { data, error: refused, response } = await write(ifMatch(version));
      if (refused) {
        const stale = staleWrite(response.status, refused);
        await reload();
        // shown once the history names what changed in between
        if (stale) setConflict({ ...stale, write, mine });
        else setError(reason(refused, t('common.failed')));
        return false;
      }
      await reload((data as { version?: number } | undefined)?.version); // writes answer their new version
      return true;
    } finally {
      setBusy(false);
    }
  };

  const path = { params: { path: { id: ticketId } } };
  const applyStatus = (event: FormEvent) => {
    event.preventDefault();
    const body = { status: status as Status, resolutionSummary: resolution || undefined };
    const key = statusKey(status);
    void act((headers) => api.PUT('/api/tickets/{id}/status', { ...path, headers, body }),
      t('event.statusChanged', { status: key ? t(key) : status }));
  };
  const setPriority = (priority: string) => {
    const key = priorityKey(priority);
    void act((headers) => api.PUT('/api/tickets/{id}', { ...path, headers, body: { priority } }),
      t('event.priorityChanged', { priority: key ? t(key) : priority }));
  };
  const assignToMe = () => void act((headers) => api.PUT('/api/tickets/{id}/assign',
    { ...path, headers, body: { agentId: 'me' } }), t('ticket.assignToMe'));
  const unassign = () => void act((headers) => api.DELETE('/api/tickets/{id}/assign', { ...path, headers }),
    t('ticket.unassign'));
  // a reply or note adds to the conversation and overwrites nothing: it needs no version
  const respond = async (body: string, visibility: 'public' | 'internal', extras?: Extras) => {
    const done = await act(() => api.POST('/api/tickets/{id}/responses', { ...path, body: { body, visibility, ...extras } }));
    // sending disables the composer, which takes the focus away without a blur event: typing ends here then
    setTyping(composer.current?.contains(document.activeElement) ?? false);
    if (done) setNotice(t('ticket.sent'));
    return done;
  };

  // a macro's preview changes nothing; applying it is one write against the version the agent saw, as every change
  const macros: MacroHooks = {
    preview: async (cannedId) => {
      const { data, error: refused } = await api.POST('/api/tickets/{id}/macros/{cannedId}',
        { params: { path: { id: ticketId, cannedId }, query: { preview: true } } });
      return data ? { plan: data } : { error: reason(refused, t('common.failed')) };
    },
    apply: async (cannedId, title) => {
      const done = await act((headers) => api.POST('/api/tickets/{id}/macros/{cannedId}',
        { params: { path: { id: ticketId, cannedId } }, headers }), t('macro.applied', { title }));
      if (done) setNotice(t('macro.applied', { title }));
      return done;
    },
    nameOf,
  };

  const go = (step: 1 | -1) => {
    const next = neighbourOf(ticketId, step);
    if (next) navigate(`/app/tickets/${next}`);
  };
  useShortcuts({
    j: () => go(1),
    k: () => go(-1),
    r: () => setFocus({ mode: 'public', n: Date.now() }),
    n: () => setFocus({ mode: 'internal', n: Date.now() }),
    a: () => { if (!busy && ticket?.agentId !== me.id) assignToMe(); },
  });

  if (!ticket && !history) {
    return error ? <p className="error" role="alert">{error}</p> : <p className="empty">{t('common.loading')}</p>;
  }
  const resolving = status === 'RESOLVED' || status === 'CLOSED';
  const assignee = !ticket?.agentId ? t('ticket.unassigned') : ticket.agentId === me.id ? t('ticket.you')
    : nameOf(ticket.agentId) ?? ticket.agentId;
  return (
    <>
      <p><Link href="/app">← {t('nav.queue')}</Link></p>
      <div className="ticket-title">
        <span className="muted">{ticket ? t('ticket.number', { number: ticket.number ?? '' }) : ''}</span>
        <h1 data-testid="ticket-subject">{ticket?.subject ?? openedAs(history).subject}</h1>
        {ticket && <StatusBadge status={ticket.status} label={ticket.statusLabel} />}
        {ticket && <PriorityBadge priority={ticket.priority} />}
        {ticket && <SlaBadge sla={slaOf(ticket)} />}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {conflict && (
        <ConflictDialog changes={changesSince(history ?? [], conflict.expected)} busy={busy}
          mine={conflict.mine} onReapply={() => void act(conflict.write, conflict.mine, conflict.current)}
          onDiscard={() => setConflict(null)} />
      )}
      {notice && <p className="notice" role="status">{notice}</p>}
      {liveNotice && !hidden && <p className="notice live-notice" data-testid="live-notice">{t('live.updated')}</p>}
      {hidden && <p className="error" role="alert" data-testid="ticket-hidden">{t('live.hidden')}</p>}
      <PresenceBar others={others} />
      <div className="ticket-layout">
        <section aria-label={t('ticket.conversation')}>
          {ticket?.description && (
            <div className="message customer">
              <header><strong>{t('ticket.description')}</strong>
                <span className="muted">{dateTime(ticket.createdAt)}</span></header>
              <div className="body">{ticket.description}</div>
              {files.length > 0 && <AttachmentList ticketId={ticketId} attachments={files} />}
            </div>
          )}
          <Conversation messages={messages ?? conversationOf(history ?? [])} me={me} staffView ticketId={ticketId}
            nameOf={nameOf} />
          <div ref={composer} onFocus={() => setTyping(true)}
            onBlur={(event) => { if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setTyping(false); }}>
            <Composer staff busy={busy} onSend={respond} focus={focus} ticketId={ticketId} macros={macros} />
          </div>
        </section>
        <aside className="details">
          <div className="card">
            <h2>{t('ticket.details')}</h2>
            <dl>
              <dt>{t('ticket.assignee')}</dt><dd data-testid="assignee">{assignee}</dd>
              <dt>{t('ticket.group')}</dt><dd data-testid="group">{ticket?.groupId ?? t('common.none')}</dd>
              <dt>{t('ticket.customer')}</dt><dd>{ticket?.company ?? ticket?.customerId}</dd>
              <dt>{t('ticket.channel')}</dt><dd>{ticket?.channel}</dd>
              {slaOf(ticket) && <><dt>{t('sla.label')}</dt><dd data-testid="sla-details">
                {slaOf(ticket)?.policyName ?? slaOf(ticket)?.policyId}
                {slaOf(ticket)?.metric && <span className="muted"> · {t(`sla.metric.${slaOf(ticket)?.metric}` as MessageKey)}</span>}
              </dd></>}
              <dt>{t('ticket.tags')}</dt><dd>{ticket?.tags?.length ? ticket.tags.join(', ') : t('common.none')}</dd>
              {(ticket?.escalationLevel ?? 0) > 0 && <><dt>{t('edit.escalated')}</dt><dd>{ticket?.escalationLevel}</dd></>}
              <dt>{t('ticket.created')}</dt><dd>{dateTime(ticket?.createdAt)}</dd>
              <dt>{t('ticket.updated')}</dt><dd>{dateTime(ticket?.updatedAt)}</dd>
            </dl>
            <div className="row">
              {ticket?.agentId !== me.id && (
                <button type="button" className="button small" disabled={busy} onClick={assignToMe}>{t('ticket.assignToMe')}</button>
              )}
              {ticket?.agentId && (
                <button type="button" className="button small" disabled={busy} onClick={unassign}>{t('ticket.unassign')}</button>
              )}
            </div>
          </div>
          <form className="card" onSubmit={applyStatus}>
            <div className="field">
              <label htmlFor="ticket-status">{t('ticket.changeStatus')}</label>
              <select id="ticket-status" value={status} onChange={(e) => setStatus(e.target.value)}>
                {STATUSES.map((value) => <option key={value} value={value}>{t(`status.${value}`)}</option>)}
              </select>
            </div>
            {resolving && (
              <div className="field">
                <label htmlFor="ticket-resolution">{t('ticket.resolution')}</label>
                <textarea id="ticket-resolution" required value={resolution} onChange={(e) => setResolution(e.target.value)} />
                <span className="hint">{t('ticket.resolutionHint')}</span>
              </div>
            )}
            <button type="submit" className="button small" disabled={busy || status === ticket?.status}>{t('ticket.apply')}</button>
            <div className="field">
              <label htmlFor="ticket-priority">{t('ticket.changePriority')}</label>
              <select id="ticket-priority" value={ticket?.priority ?? ''} disabled={busy}
                onChange={(e) => setPriority(e.target.value)}>
                {PRIORITIES.map((value) => <option key={value} value={value}>{t(`priority.${value}`)}</option>)}
              </select>
            </div>
          </form>
          {ticket && <TicketEditing me={me} ticket={ticket} busy={busy} act={(write, mine) => void act(write, mine)} />}
          {ticket && <TicketPanels me={me} ticket={ticket} busy={busy} act={(write, mine) => void act(write, mine)} />}
          {ticket?.customerId && <CustomerPanel customerId={ticket.customerId} ticketId={ticketId} />}
          <div className="card">
            <h2>{t('ticket.history')}</h2>
            <Timeline entries={history ?? []} nameOf={nameOf} />
          </div>
        </aside>
      </div>
    </>
  );
}
