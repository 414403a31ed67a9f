import { useCallback, useEffect, useState } from 'react';
import { api, reason } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Link } from '../nav/router';
import type { Me } from '../session/useMe';
import { AttachmentList } from '../composer/MessageBody';
import { Composer, Conversation, type Extras } from '../tickets/Conversation';
import { useLive } from '../live/useLive';
import { conversationOf, historyOf, messageOf, openedAs, ticketFilesOf, withMessages, type Entry, type Message, type Ticket } from '../tickets/tickets';
import { StatusBadge } from '../ui/Badges';
import { Rating } from './Rating';

/**
 * One of the customer's tickets: its public conversation, a reply, the rating once resolved. Loaded on demand; an
 * agent's reply or a change of status shows live.
 */
export default function PortalTicket({ me, ticketId }: { me: Me; ticketId: string }) {
  const { t, dateTime } = useI18n();
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [history, setHistory] = useState<Entry[] | null>(null);
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [files, setFiles] = useState<{ id: string; fileName: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    if (read.data) setTicket(read.data);
    if (events) setHistory(events);
    if (!read.data && !events) setError(reason(read.error, t('common.notFound')));
  }, [ticketId, t]);
  useEffect(() => {
    void reload();
  }, [reload]);

  // the stream only carries what a customer may see: public replies, the ticket's customer-facing state
  useLive((event) => {
    if (event.kind === 'reload') void reload();
    if (event.kind !== 'ticket' || event.ticketId !== ticketId) return;
    if (event.ticket) setTicket((before) => ((before?.version ?? 0) > event.sequence ? before : event.ticket as Ticket));
    if (event.messages.length) setMessages((before) => withMessages(before ?? [], event.messages.map(messageOf)));
  });

  const reply = async (body: string, _mode: string, extras?: Extras) => {
    setBusy(true);
    setError(null);
    try {
      const { data, error: refused } = await api.POST('/api/tickets/{id}/responses',
        { params: { path: { id: ticketId } }, body: { body, visibility: 'public', attachmentIds: extras?.attachmentIds } });
      if (refused) {
        setError(reason(refused, t('common.failed')));
        return false;
      }
      await reload((data as { version?: number } | undefined)?.version);
      return true;
    } finally {
      setBusy(false);
    }
  };

  if (!ticket && !history) return error ? <p className="error" role="alert">{error}</p> : <p className="empty">{t('common.loading')}</p>;
  const opened = openedAs(history);
  return (
    <>
      <p><Link href="/portal">← {t('portal.title')}</Link></p>
      <div className="ticket-title">
        <span className="muted">{ticket ? t('ticket.number', { number: ticket.number ?? '' }) : ''}</span>
        <h1 data-testid="ticket-subject">{ticket?.subject ?? openedAs(history).subject}</h1>
        {ticket && <StatusBadge status={ticket.status} label={ticket.statusLabel} />}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {(ticket?.description ?? opened.description) && (
        <div className="message customer">
          <header><strong>{t('ticket.you')}</strong><span className="spacer" />
            <span className="muted">{dateTime(ticket?.createdAt ?? opened.createdAt)}</span></header>
          <div className="body">{ticket?.description ?? opened.description}</div>
          {files.length > 0 && <AttachmentList ticketId={ticketId} attachments={files} />}
        </div>
      )}
      <h2 className="section-title">{t('ticket.conversation')}</h2>
      <Conversation messages={(messages ?? conversationOf(history ?? [])).filter((m) => m.visibility === 'public')}
        me={me} ticketId={ticketId} />
      {(ticket?.status === 'RESOLVED' || ticket?.status === 'CLOSED') && (
        <Rating ticketId={ticketId} rated={ticket.satisfactionScore} onRated={() => void reload(undefined)} />
      )}
      <Composer busy={busy} onSend={reply} ticketId={ticketId} />
    </>
  );
}
