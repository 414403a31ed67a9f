import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { api, reason } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Link, match, useLocation } from '../nav/router';
import { isStaff, type Me } from '../session/useMe';
import { asPage, STATUSES, type Ticket } from '../tickets/tickets';
import { StatusBadge } from '../ui/Badges';
import { Shell, type NavItem } from '../ui/Shell';
import { SubmitTicket } from './SubmitTicket';

// a ticket's conversation brings the composer and the HTML sanitiser: fetched when a ticket is opened, so the
// portal's first load stays within its budget
const PortalTicket = lazy(() => import('./PortalTicket'));

export function PortalApp({ me }: { me: Me }) {
  const { t } = useI18n();
  const { path } = useLocation();
  if (isStaff(me)) {
    window.location.replace('/app');
    return null;
  }
  const nav: NavItem[] = [{ href: '/portal', label: 'nav.portal' }, { href: '/portal/new', label: 'nav.newTicket' }];
  const ticket = match('/portal/tickets/:id', path);
  return (
    <Shell me={me} nav={nav} narrow>
      {ticket ? <Suspense fallback={<p className="empty">{t('common.loading')}</p>}>
          <PortalTicket key={ticket.id} me={me} ticketId={ticket.id!} />
        </Suspense>
        : path === '/portal/new' ? <SubmitTicket me={me} />
        : path === '/portal' || path === '/portal/' ? <MyTickets />
        : <p className="empty">{t('common.notFound')}</p>}
    </Shell>
  );
}

function MyTickets() {
  const { t, relative, dateTime } = useI18n();
  const [tickets, setTickets] = useState<Ticket[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState({ q: '', status: '' });

  useEffect(() => {
    let live = true;
    // the list API shows a customer only their own tickets
    api.GET('/api/tickets', { params: { query: {
      sort: 'updated', order: 'desc', size: 100,
      ...(query.q ? { q: query.q } : {}), ...(query.status ? { status: [query.status] } : {}) } } })
      .then(({ data, error: refused }) => {
        if (!live) return;
        if (refused) setError(reason(refused, t('common.failed')));
        else setTickets(asPage(data).items ?? []);
      });
    return () => {
      live = false;
    };
  }, [query, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ q: q.trim(), status });
  };
  return (
    <>
      <div className="queue-head">
        <div>
          <h1>{t('portal.title')}</h1>
          <p className="muted">{t('portal.subtitle')}</p>
        </div>
        <span className="spacer" />
        <Link className="button primary" href="/portal/new">{t('portal.new')}</Link>
      </div>
      <form className="filters" role="search" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="portal-search">{t('queue.search')}</label>
        <input id="portal-search" className="input search" type="search" value={q} placeholder={t('portal.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)} />
        <label className="visually-hidden" htmlFor="portal-status">{t('queue.status')}</label>
        <select id="portal-status" className="input" value={status}
          onChange={(e) => { setStatus(e.target.value); setQuery({ q: q.trim(), status: e.target.value }); }}>
          <option value="">{t('queue.anyStatus')}</option>
          {STATUSES.map((value) => <option key={value} value={value}>{t(`status.${value}`)}</option>)}
        </select>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="card" data-testid="my-tickets">
        {tickets === null ? <p className="empty">{t('common.loading')}</p>
          : tickets.length === 0 ? <p className="empty">{t('portal.empty')}</p>
          : (
            <ul className="portal-list">
              {tickets.map((ticket) => (
                <li key={ticket.ticketId}>
                  <Link href={`/portal/tickets/${ticket.ticketId}`}>
                    <span className="muted">#{ticket.number}</span>
                    <span className="subject">{ticket.subject}</span>
                    <StatusBadge status={ticket.status} label={ticket.statusLabel} />
                    <span className="muted" title={dateTime(ticket.updatedAt)}>
                      {t('portal.lastUpdate', { when: relative(ticket.updatedAt) })}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
      </div>
    </>
  );
}
