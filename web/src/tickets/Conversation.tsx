import { useI18n } from '../i18n/i18n';
import { MessageBody, AttachmentList } from '../composer/MessageBody';
import type { Me } from '../session/useMe';
import { priorityKey, statusKey, type Entry, type Message } from './tickets';

/** Public replies, internal notes and admin-only notes, unmistakably apart (colour, label and wording). */
export function Conversation({ messages, me, staffView, ticketId, nameOf = () => undefined }: { messages: Message[]; me: Me;
  staffView?: boolean; ticketId?: string; nameOf?: (id: string) => string | undefined }) {
  const { t, dateTime } = useI18n();
  if (messages.length === 0) return <p className="muted">{t('ticket.noMessages')}</p>;
  const author = (message: Message) => {
    if (message.authorId && message.authorId === me.id) return t('ticket.you');
    if (message.authorRole === 'customer') return t('ticket.customerSide');
    // customers see the team, staff see the colleague (by name when the staff directory knows them, else by role)
    const named = staffView && message.authorId ? nameOf(message.authorId) : undefined;
    if (named) return named;
    const role = message.authorRole;
    if (staffView && (role === 'admin' || role === 'team_lead' || role === 'agent')) return t(`role.${role}`);
    return staffView ? t('ticket.someone') : t('ticket.support');
  };
  return (
    <ol className="conversation" aria-label={t('ticket.conversation')}>
      {messages.map((message) => (
        <li key={message.id} className={`message ${message.visibility} ${message.authorRole === 'customer' ? 'customer' : ''}`}
          data-testid={`message-${message.visibility}`}>
          <header>
            <strong>{author(message)}</strong>
            {message.visibility === 'internal' && <span className="badge note">{t('ticket.internalNote')}</span>}
            {message.visibility === 'admin_only' && <span className="badge note">{t('ticket.adminNote')}</span>}
            <span className="spacer" />
            <time className="muted" dateTime={message.at}>{dateTime(message.at)}</time>
          </header>
          <MessageBody body={message.body} />
          {ticketId && message.attachments && message.attachments.length > 0 && (
            <AttachmentList ticketId={ticketId} attachments={message.attachments} />
          )}
        </li>
      ))}
    </ol>
  );
}

export { Composer, type Extras, type Focus, type MacroHooks, type Mode } from '../composer/Composer';

/** What happened to the ticket, newest last, with who did it; `nameOf` names a colleague by id when it can. */
export function Timeline({ entries, nameOf = () => undefined }: { entries: Entry[]; nameOf?: (id: string) => string | undefined }) {
  const { t, dateTime } = useI18n();
  const describe = (entry: Entry): string => {
    const type = entry.type;
    if (type.includes('.created.')) return t('event.created');
    if (type.includes('.status_changed.')) {
      const status = String(entry.data.to ?? entry.data.status ?? '');
      const key = statusKey(status);
      const changed = t('event.statusChanged', { status: key ? t(key) : status });
      return typeof entry.data.resolutionSummary === 'string' && entry.data.resolutionSummary
        ? `${changed}: ${entry.data.resolutionSummary}` : changed;
    }
    if (type.includes('.priority_changed.')) {
      const priority = String(entry.data.to ?? entry.data.priority ?? '');
      const key = priorityKey(priority);
      return t('event.priorityChanged', { priority: key ? t(key) : priority });
    }
    if (type.includes('.unassigned.')) return t('event.unassigned');
    if (type.includes('.assigned.')) {
      const to = entry.data.agentId ?? entry.data.groupId;
      return typeof to === 'string' && to ? t('event.assignedTo', { who: nameOf(to) ?? to }) : t('event.assigned');
    }
    if (type.includes('.attachment_added.')) {
      return t('event.attachment', { name: String(entry.data.fileName ?? '') });
    }
    if (type.includes('.message_added.')) {
      return entry.data.visibility && entry.data.visibility !== 'public' ? t('event.note') : t('event.message');
    }
    return t('event.other', { type: type.replace(/^autocrm\.ticket\./, '').replace(/\.v\d+$/, '').replace(/_/g, ' ') });
  };
  // an automation's change says why: "Automation · rule r-123", "Automation · round robin", "Automation · SLA breach"
  const reasonPart = (part: string): string => {
    const [kind, id = ''] = part.split(/:(.*)/s);
    if (kind === 'rule' && id) return t('automation.reason.rule', { id });
    if (kind === 'round_robin') return t('automation.reason.roundRobin');
    if (kind === 'least_loaded') return t('automation.reason.leastLoaded');
    if (kind === 'sla_breach') return t('automation.reason.slaBreach');
    if (kind === 'automation' && id) return t('automation.reason.automation', { id });
    return part;
  };
  const who = (by: Entry['by']): string | undefined => {
    if (by?.role === 'automation') {
      const reasons = (by.reason ?? '').split(',').map((part) => part.trim()).filter(Boolean).map(reasonPart);
      return [t('automation.actor'), ...(reasons.length ? [reasons.join(', ')] : [])].join(' · ');
    }
    return by?.name ? t('ticket.by', { name: by.name }) : undefined;
  };
  return (
    <ol className="timeline">
      {entries.map((entry) => (
        <li key={entry.sequence}>
          <div>{describe(entry)}{who(entry.by) && <span className="muted"> · {who(entry.by)}</span>}</div>
          <time className="muted" dateTime={entry.at}>{dateTime(entry.at)}</time>
        </li>
      ))}
    </ol>
  );
}
