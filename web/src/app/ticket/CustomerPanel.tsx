import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../nav/router';
import type { Ticket } from '../../tickets/tickets';
import { StatusBadge } from '../../ui/Badges';

/** The customer beside the ticket: who they are and their other tickets. */
export function CustomerPanel({ customerId, ticketId }: { customerId: string; ticketId: string }) {
  const { t, relative } = useI18n();
  const [customer, setCustomer] = useState<Schemas['CustomerDetails'] | null>(null);
  const [others, setOthers] = useState<Ticket[]>([]);
  useEffect(() => {
    let live = true;
    const path = { params: { path: { customerId } } };
    void api.GET('/api/customers/{customerId}', path).then(({ data }) => live && setCustomer(data ?? null));
    void api.GET('/api/customers/{customerId}/tickets', { params: { path: { customerId }, query: { size: 6 } } })
      .then(({ data }) => live && setOthers((data?.items ?? []).filter((other) => other.ticketId !== ticketId).slice(0, 5)));
    return () => {
      live = false;
    };
  }, [customerId, ticketId]);
  if (!customer) return null;
  return (
    <div className="card" data-testid="customer-panel">
      <h2>{customer.name}</h2>
      <dl>
        <dt>{t('customer.email')}</dt><dd>{customer.emails?.join(', ') || t('common.none')}</dd>
        <dt>{t('customer.company')}</dt><dd>{customer.company ?? t('common.none')}</dd>
        <dt>{t('customer.tier')}</dt><dd>{customer.tier ?? t('common.none')}</dd>
        {customer.phone && <><dt>{t('customer.phone')}</dt><dd>{customer.phone}</dd></>}
      </dl>
      <h3>{t('customer.otherTickets')}</h3>
      {others.length === 0 ? <p className="muted">{t('customer.noOtherTickets')}</p> : (
        <ul className="compact-list">
          {others.map((other) => (
            <li key={other.ticketId}>
              <Link href={`/app/tickets/${other.ticketId}`}>#{other.number} {other.subject}</Link>
              <span className="row"><StatusBadge status={other.status} label={other.statusLabel} />
                <span className="muted">{relative(other.updatedAt)}</span></span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
