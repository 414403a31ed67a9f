import { useEffect, useState, type FormEvent } from 'react';
import { api, reason, type Schemas } from '../../api/client';
import { CustomFieldInputs } from '../../admin/CustomFieldInputs';
import { toApiValues, type FieldDefinition, type FieldProblem, type FormValue } from '../../admin/customFieldValues';
import { useI18n } from '../../i18n/i18n';
import { navigate } from '../../nav/router';
import { PRIORITIES } from '../../tickets/tickets';

type Customer = Schemas['CustomerView'];
const CHANNELS = ['phone', 'email', 'chat'] as const;

/** The customers matching what the agent typed (the customer read side), a few at a time. */
function useCustomerSearch(query: string): Customer[] | null {
  const [found, setFound] = useState<Customer[] | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    // typed letter by letter: ask once the agent pauses
    const timer = setTimeout(() => {
      void api.GET('/api/customers', { params: { query: { q, size: 8 } } })
        .then(({ data }) => live && setFound(data?.items ?? []));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  return found;
}

/**
 * An agent opens a ticket for a customer who called or wrote: finds the customer, or creates their profile on the
 * spot, then the request itself with priority, category and custom fields (seed 001, chapter 1).
 */
export function NewTicketPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const found = useCustomerSearch(query);
  const [customer, setCustomer] = useState<{ id: string; name: string } | null>(null);
  const [newName, setNewName] = useState('');
  const [newEmail, setNewEmail] = useState('');
  const [newCompany, setNewCompany] = useState('');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [priority, setPriority] = useState('MEDIUM');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('phone');
  const [categoryId, setCategoryId] = useState('');
  const [categories, setCategories] = useState<Schemas['CategoryView'][]>([]);
  const [fields, setFields] = useState<FieldDefinition[]>([]);
  const [fieldValues, setFieldValues] = useState<Record<string, FormValue>>({});
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void api.GET('/api/tickets/categories', {}).then(({ data }) =>
      setCategories((data?.categories ?? []).filter((category) => category.categoryId && !category.archived)
        .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))));
    void api.GET('/api/tickets/custom-fields', {}).then(({ data }) =>
      setFields((data?.customFields ?? []).filter((field) => field.key && !field.retired)));
  }, []);

  const createCustomer = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const name = newName.trim();
      const { data, error: refused } = await api.POST('/api/customers', { body: {
        name, emails: newEmail.trim() ? [newEmail.trim()] : [], ...(newCompany.trim() ? { company: newCompany.trim() } : {}) } });
      if (refused || !data?.customerId) {
        setError(reason(refused, t('common.failed')));
        return;
      }
      setCustomer({ id: data.customerId, name });
      setNotice(t('newTicket.customerCreated', { name }));
    } finally {
      setBusy(false);
    }
  };

  const open = async (event: FormEvent) => {
    event.preventDefault();
    if (!customer) {
      setError(t('newTicket.chooseCustomer'));
      return;
    }
    const custom = toApiValues(fields, fieldValues);
    setProblems(custom.problems);
    if (Object.keys(custom.problems).length) {
      document.getElementById(`new-field-${Object.keys(custom.problems)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { data, error: refused } = await api.POST('/api/tickets', { body: {
        customerId: customer.id, subject: subject.trim(), description: description.trim(), priority, channel,
        ...(categoryId ? { categoryId } : {}),
        ...(Object.keys(custom.values).length ? { customFields: custom.values } : {}) } });
      if (refused || !data?.ticketId) {
        setError(reason(refused, t('common.failed')));
        return;
      }
      navigate(`/app/tickets/${data.ticketId}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="new-ticket">
      <h1>{t('newTicket.title')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      <section className="card" aria-labelledby="new-customer-title">
        <h2 id="new-customer-title" className="section-title">{t('newTicket.customer')}</h2>
        {customer ? (
          <div className="row">
            <strong data-testid="chosen-customer">{t('newTicket.chosen', { name: customer.name })}</strong>
            <span className="spacer" />
            <button type="button" className="button small" onClick={() => { setCustomer(null); setNotice(null); }}>
              {t('newTicket.change')}
            </button>
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="new-find">{t('newTicket.findCustomer')}</label>
              <input id="new-find" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
            </div>
            {found && found.length === 0 && <p className="muted">{t('newTicket.noMatch')}</p>}
            {found && found.length > 0 && (
              <ul className="plain-list" data-testid="customer-matches">
                {found.map((match) => (
                  <li key={match.customerId}>
                    <button type="button" className="button small"
                      onClick={() => setCustomer({ id: match.customerId ?? '', name: match.name ?? '' })}>
                      {match.name}
                    </button>
                    <span className="muted"> {[...(match.emails ?? []), match.company].filter(Boolean).join(' · ')}</span>
                  </li>
                ))}
              </ul>
            )}
            <form onSubmit={createCustomer} aria-labelledby="new-customer-form">
              <h3 id="new-customer-form">{t('newTicket.newCustomer')}</h3>
              <div className="field">
                <label htmlFor="new-customer-name">{t('newTicket.customerName')}</label>
                <input id="new-customer-name" required maxLength={200} value={newName} onChange={(e) => setNewName(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="new-customer-email">{t('newTicket.customerEmail')}</label>
                <input id="new-customer-email" type="email" maxLength={254} value={newEmail} onChange={(e) => setNewEmail(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="new-customer-company">{t('newTicket.customerCompany')}</label>
                <input id="new-customer-company" maxLength={200} value={newCompany} onChange={(e) => setNewCompany(e.target.value)} />
              </div>
              <button type="submit" className="button small" disabled={busy || !newName.trim()}>{t('newTicket.createCustomer')}</button>
            </form>
          </>
        )}
      </section>
      <form className="card" onSubmit={open}>
        <div className="field">
          <label htmlFor="new-subject">{t('submit.subject')}</label>
          <input id="new-subject" required maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-description">{t('ticket.description')}</label>
          <textarea id="new-description" value={description} onChange={(e) => setDescription(e.target.value)} />
        </div>
        <div className="row wrap">
          <div className="field">
            <label htmlFor="new-priority">{t('ticket.priority')}</label>
            <select id="new-priority" value={priority} onChange={(e) => setPriority(e.target.value)}>
              {PRIORITIES.map((value) => <option key={value} value={value}>{t(`priority.${value}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-channel">{t('newTicket.channel')}</label>
            <select id="new-channel" value={channel} onChange={(e) => setChannel(e.target.value as (typeof CHANNELS)[number])}>
              {CHANNELS.map((value) => <option key={value} value={value}>{t(`newTicket.channel.${value}`)}</option>)}
            </select>
          </div>
          {categories.length > 0 && (
            <div className="field">
              <label htmlFor="new-category">{t('ticket.category')}</label>
              <select id="new-category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
                <option value="">{t('common.none')}</option>
                {categories.map((category) => <option key={category.categoryId} value={category.categoryId}>{category.name}</option>)}
              </select>
            </div>
          )}
        </div>
        <CustomFieldInputs fields={fields} values={fieldValues} problems={problems} idPrefix="new-field"
          onChange={(key, value) => setFieldValues({ ...fieldValues, [key]: value })} />
        <button type="submit" className="button primary" disabled={busy || !subject.trim() || !customer}>
          {busy ? t('newTicket.busy') : t('newTicket.open')}
        </button>
      </form>
    </div>
  );
}
