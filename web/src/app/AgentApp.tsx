import { useI18n } from '../i18n/i18n';
import { match, useLocation } from '../nav/router';
import { roleOf, type Me } from '../session/useMe';
import { AvailabilitySwitch } from '../routing/AvailabilitySwitch';
import { Shell, type NavItem } from '../ui/Shell';
import { NewTicketPage } from './newticket/NewTicketPage';
import { QueuePage } from './queue/QueuePage';
import { ShortcutHelp } from './ShortcutHelp';
import { TicketPage } from './ticket/TicketPage';

export function AgentApp({ me }: { me: Me }) {
  const { t } = useI18n();
  const { path } = useLocation();
  if (roleOf(me) === 'customer') {
    window.location.replace('/portal');
    return null;
  }
  const nav: NavItem[] = [{ href: '/app', label: 'nav.queue' }, { href: '/app/tickets/new', label: 'nav.newTicket' }];
  if (roleOf(me) !== 'agent') nav.push({ href: '/admin/dashboard', label: 'dashboard.title' });
  if (roleOf(me) === 'admin') nav.push({ href: '/admin', label: 'nav.admin' });
  const ticket = path === '/app/tickets/new' ? null : match('/app/tickets/:id', path);
  return (
    <Shell me={me} nav={nav} tools={<AvailabilitySwitch />}>
      {ticket ? <TicketPage key={ticket.id} me={me} ticketId={ticket.id!} />
        : path === '/app/tickets/new' ? <NewTicketPage />
        : path === '/app' || path === '/app/' ? <QueuePage me={me} />
        : <p className="empty">{t('common.notFound')}</p>}
      <ShortcutHelp />
    </Shell>
  );
}
