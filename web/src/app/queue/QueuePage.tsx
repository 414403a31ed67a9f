import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { api, reason, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, useLocation } from '../../nav/router';
import { roleOf, type Me } from '../../session/useMe';
import { asPage, PRIORITIES, STATUSES, type Ticket } from '../../tickets/tickets';
import { PriorityBadge, StatusBadge } from '../../ui/Badges';
import { listQuery, readQueueState, savedViewOf, SLA_FILTERS, toggleSla, viewDefinition, writeQueueState, type QueueState, type SortChoice, type Tab } from './queueQuery';
import { SlaBadge, useNow } from '../../ui/SlaBadge';
import { slaOf } from '../../tickets/sla';
import { needsMore, windowOf } from './windowing';
import { rememberQueue, useShortcuts } from '../../nav/shortcuts';
import { exportCsv } from './csvExport';
import { BulkBar } from './BulkBar';
import { useLive, useLiveStatus } from '../../live/useLive';
import { applyTicket, withoutTicket } from '../../live/queueLive';

const ROW_HEIGHT = 56;

interface Loaded {
  items: Ticket[];
  total: number;
  next: string | null;
}

export function QueuePage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const state = readQueueState(search);
  const key = writeQueueState(state);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState(state.q);
  const [views, setViews] = useState<Schemas['SavedViewResponse'][]>([]);
  const generation = useRef(0);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const liveStatus = useLiveStatus();
  const reloadSoon = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const change = (next: Partial<QueueState>) => navigate('/app' + writeQueueState({ ...state, ...next }), true);

  const load = useCallback(async (cursor?: string) => {
    const mine = generation.current;
    const current = readQueueState(new URLSearchParams(key));
    const view = savedViewOf(current.tab);
    // a saved view runs its own filters and sort (its first page); the other tabs page through the list API
    const { data, error: refused } = view
      ? await api.GET('/api/views/{id}/tickets', { params: { path: { id: view } } })
      : await api.GET('/api/tickets', { params: { query: listQuery(current, me.id ?? '', cursor) } });
    if (mine !== generation.current) return; // the filters changed meanwhile
    if (refused || !data) {
      setError(reason(refused, t('common.failed')));
      return;
    }
    const page = asPage(data);
    setError(null);
    setLoaded((before) => ({
      items: cursor && before ? [...before.items, ...(page.items ?? [])] : page.items ?? [],
      total: page.total ?? 0,
      next: page.next ?? null,
    }));
  }, [key, me.id, t]);

  // the saved views with their live counts, reloaded with the list
  useEffect(() => {
    void api.GET('/api/views').then(({ data }) => setViews(Object.values(data ?? {}).flat().filter((view) => view.id)));
  }, [key]);

  useEffect(() => {
    generation.current++;
    setLoaded(null);
    setText(readQueueState(new URLSearchParams(key)).q);
    void load();
  }, [key, load]);

  // the queue follows the stream: tickets appear, move, update and leave as others change them
  useLive((event) => {
    const again = () => {
      clearTimeout(reloadSoon.current);
      reloadSoon.current = setTimeout(() => { generation.current++; void load(); }, 300);
    };
    if (event.kind === 'reload') again();
    if (event.kind === 'ticket-hidden') {
      setLoaded((before) => (before ? { ...before, ...withoutTicket(before.items, before.total, event.ticketId) } : before));
    }
    if (event.kind === 'ticket' && event.ticket) {
      const ticket = event.ticket as Ticket;
      let needsReload = false;
      setLoaded((before) => {
        if (!before) return before;
        const update = applyTicket(before.items, before.total, ticket, readQueueState(new URLSearchParams(key)), me.id ?? '');
        if (update === 'reload') {
          needsReload = true;
          return before;
        }
        return { ...before, ...update };
      });
      if (needsReload) again();
    }
  });
  useEffect(() => () => clearTimeout(reloadSoon.current), []);
  useEffect(() => setChosen(new Set()), [key]);
  const toggle = useCallback((ticketId: string) => setChosen((before) => {
    const next = new Set(before);
    if (next.has(ticketId)) next.delete(ticketId);
    else next.add(ticketId);
    return next;
  }), []);

  const more = useCallback(async () => {
    if (!loaded?.next || loadingMore) return;
    setLoadingMore(true);
    try {
      await load(loaded.next);
    } finally {
      setLoadingMore(false);
    }
  }, [loaded, loadingMore, load]);

  useShortcuts({ '/': () => document.getElementById('queue-search')?.focus() });

  const [exporting, setExporting] = useState(false);
  const download = async () => {
    setExporting(true);
    try {
      await exportCsv(listQuery(state, me.id ?? ''), `tickets-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch {
      setError(t('common.failed'));
    } finally {
      setExporting(false);
    }
  };

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    change({ q: text });
  };

  // agents see their own, their groups' and unassigned tickets; team leads and admins the whole tenant
  const tabs: { id: Tab; label: string }[] = [
    { id: 'mine', label: t('queue.tab.mine') },
    ...(me.groups ?? []).map((group) => ({ id: `group:${group}` as Tab, label: t('queue.tab.group', { group }) })),
    { id: 'unassigned', label: t('queue.tab.unassigned') },
    { id: 'all', label: t(roleOf(me) === 'agent' ? 'queue.tab.visible' : 'queue.tab.all') },
    ...views.map((view) => ({ id: `view:${view.id}` as Tab, label: `${view.name} (${view.count ?? 0})` })),
  ];
  const viewShown = savedViewOf(state.tab) !== null;

  return (
    <>
      <div className="queue-head">
        <h1>{t('queue.title')}</h1>
        <span className={`live-status ${liveStatus}`} data-testid="live-status">
          {liveStatus === 'live' ? t('live.connected') : t('live.offline')}
        </span>
        <span className="spacer" />
        <button type="button" className="button small" disabled={exporting || viewShown}
          onClick={() => void download()}>
          {exporting ? t('queue.exporting') : t('queue.export')}
        </button>
        <button type="button" className="button small" onClick={() => { generation.current++; void load(); }}>
          {t('queue.refresh')}
        </button>
      </div>
      <div className="tabs" role="tablist">
        {tabs.map((tab) => (
          <button key={tab.id} type="button" role="tab" aria-selected={state.tab === tab.id}
            onClick={() => change({ tab: tab.id })}>
            {tab.label}
          </button>
        ))}
      </div>
      <div className="filters" hidden={viewShown}>
        <form className="search" role="search" onSubmit={submitSearch}>
          <label className="visually-hidden" htmlFor="queue-search">{t('queue.search')}</label>
          <input id="queue-search" className="input search" type="search" value={text}
            placeholder={t('queue.searchPlaceholder')} onChange={(event) => setText(event.target.value)} />
        </form>
        <label className="visually-hidden" htmlFor="queue-status">{t('queue.status')}</label>
        <select id="queue-status" className="input" value={state.status} onChange={(e) => change({ status: e.target.value })}>
          <option value="">{t('queue.anyStatus')}</option>
          {STATUSES.map((status) => <option key={status} value={status}>{t(`status.${status}`)}</option>)}
        </select>
        <label className="visually-hidden" htmlFor="queue-priority">{t('queue.priority')}</label>
        <select id="queue-priority" className="input" value={state.priority}
          onChange={(e) => change({ priority: e.target.value })}>
          <option value="">{t('queue.anyPriority')}</option>
          {PRIORITIES.map((priority) => <option key={priority} value={priority}>{t(`priority.${priority}`)}</option>)}
        </select>
        <label className="visually-hidden" htmlFor="queue-sort">{t('queue.sort')}</label>
        <select id="queue-sort" className="input" value={state.sort}
          onChange={(e) => change({ sort: e.target.value as SortChoice })}>
          <option value="created">{t('queue.sort.created')}</option>
          <option value="createdAsc">{t('queue.sort.createdAsc')}</option>
          <option value="updated">{t('queue.sort.updated')}</option>
          <option value="priority">{t('queue.sort.priority')}</option>
          <option value="sla">{t('queue.sort.sla')}</option>
        </select>
        <div className="row sla-filters" role="group" aria-label={t('queue.slaFilter')}>
          {SLA_FILTERS.map((filter) => (
            <button key={filter} type="button" className={`button small sla-filter sla-${filter}`}
              aria-pressed={state.sla.includes(filter)} onClick={() => change({ sla: toggleSla(state, filter) })}>
              {t(`queue.sla.${filter}`)}
            </button>
          ))}
        </div>
        <SaveView state={state} myId={me.id ?? ''} canShare={roleOf(me) !== 'agent'}
          onSaved={(view) => { setViews((before) => [...before, view]); }} />
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <BulkBar me={me} selected={(loaded?.items ?? []).filter((ticket) => chosen.has(ticket.ticketId ?? ''))}
        onClear={() => setChosen(new Set())} onDone={() => { generation.current++; void load(); }} />
      <TicketList loaded={loaded} loadingMore={loadingMore} onMore={more} chosen={chosen} onToggle={toggle} />
    </>
  );
}

function TicketList({ loaded, loadingMore, onMore, chosen, onToggle }: { loaded: Loaded | null; loadingMore: boolean;
  onMore: () => void; chosen: Set<string>; onToggle: (ticketId: string) => void }) {
  const { t, relative, dateTime } = useI18n();
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(560);
  const [selected, setSelected] = useState(-1);
  // one clock for every badge in the list, ticking once a minute
  const now = useNow();

  useEffect(() => {
    rememberQueue((loaded?.items ?? []).map((ticket) => ticket.ticketId ?? ''));
  }, [loaded]);
  const select = (step: 1 | -1) => {
    const count = loaded?.items?.length ?? 0;
    if (count === 0) return;
    const next = Math.max(0, Math.min(count - 1, selected + step));
    setSelected(next);
    const element = viewport.current;
    if (element) {
      // keep the selected row in view
      const top = next * ROW_HEIGHT;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    }
  };
  useShortcuts({
    j: () => select(1),
    k: () => select(-1),
    x: () => {
      const ticket = loaded?.items?.[selected];
      if (ticket?.ticketId) onToggle(ticket.ticketId);
    },
    Enter: () => {
      const ticket = loaded?.items?.[selected];
      if (ticket?.ticketId) navigate(`/app/tickets/${ticket.ticketId}`);
    },
  });

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || 560);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [loaded === null, loaded?.items?.length]);

  const items = loaded?.items ?? [];
  const range = windowOf(scrollTop, height, ROW_HEIGHT, items.length);
  useEffect(() => {
    if (loaded && needsMore(range, items.length, loaded.next !== null)) onMore();
  }, [range.end, items.length, loaded, onMore]);

  if (!loaded) return <div className="ticket-list"><p className="empty">{t('common.loading')}</p></div>;
  return (
    <div className="ticket-list" data-testid="ticket-list">
      <div className="list-header" role="presentation">
        <span className="row-check-space" />
        <span>{t('queue.col.number')}</span>
        <span>{t('queue.col.subject')}</span>
        <span>{t('queue.col.status')}</span>
        <span className="col-wide">{t('queue.col.priority')}</span>
        <span>{t('queue.col.sla')}</span>
        <span className="col-wide">{t('queue.col.updated')}</span>
      </div>
      {items.length === 0 ? (
        <p className="empty">{t('queue.empty')}</p>
      ) : (
        <div className="viewport queue-viewport" ref={viewport} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          <div className="canvas" style={{ height: range.height }}>
            {items.slice(range.start, range.end).map((ticket, index) => (
              <div key={ticket.ticketId} className="row-wrap" style={{ top: (range.start + index) * ROW_HEIGHT }}>
              <input type="checkbox" className="row-check" checked={chosen.has(ticket.ticketId ?? '')}
                aria-label={t('bulk.select', { number: ticket.number ?? '' })} data-testid="ticket-check"
                onChange={() => onToggle(ticket.ticketId ?? '')} />
              <Link href={`/app/tickets/${ticket.ticketId}`} className={range.start + index === selected ? 'ticket-row selected' : 'ticket-row'}
                aria-current={range.start + index === selected ? 'true' : undefined} data-testid="ticket-row">
                <span className="number">#{ticket.number}</span>
                <span className="subject">{ticket.subject}</span>
                <span><StatusBadge status={ticket.status} label={ticket.statusLabel} /></span>
                <span className="col-wide"><PriorityBadge priority={ticket.priority} /></span>
                <span className="col-sla"><SlaBadge sla={slaOf(ticket)} now={now} /></span>
                <span className="col-wide muted" title={dateTime(ticket.updatedAt)}>{relative(ticket.updatedAt)}</span>
              </Link>
              </div>
            ))}
          </div>
        </div>
      )}
      <div className="list-footer">
        <span>{t('queue.count', { shown: items.length, total: loaded.total })}</span>
        {loadingMore && <span>{t('queue.loadingMore')}</span>}
      </div>
    </div>
  );
}

/** "Save as view…": the queue's filters and order (SLA ones included) as a personal or, for leads and admins, shared view. */
function SaveView({ state, myId, canShare, onSaved }: { state: QueueState; myId: string; canShare: boolean;
  onSaved: (view: Schemas['SavedViewResponse']) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  if (savedViewOf(state.tab)) return null;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { data, error: refused } = await api.POST('/api/views', {
      body: { name: name.trim(), shared, ...viewDefinition(state, myId) } as Schemas['SavedViewRequest'],
    });
    if (refused || !data) {
      setMessage({ error: true, text: reason(refused, t('common.failed')) });
      return;
    }
    setMessage({ error: false, text: t('queue.saveViewSaved', { name: name.trim() }) });
    setOpen(false);
    setName('');
    onSaved(data as Schemas['SavedViewResponse']);
  };
  return (
    <>
      <button type="button" className="button small" aria-expanded={open} onClick={() => setOpen(!open)}>{t('queue.saveView')}</button>
      {open && (
        <form className="row save-view" onSubmit={(event) => void save(event)}>
          <label className="visually-hidden" htmlFor="save-view-name">{t('queue.saveViewName')}</label>
          <input id="save-view-name" className="input" required maxLength={100} placeholder={t('queue.saveViewName')}
            value={name} onChange={(event) => setName(event.target.value)} />
          {canShare && <label className="row"><input type="checkbox" checked={shared}
            onChange={(event) => setShared(event.target.checked)} /> {t('queue.saveViewShared')}</label>}
          <button type="submit" className="button small primary">{t('common.save')}</button>
        </form>
      )}
      {message && <span className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>{message.text}</span>}
    </>
  );
}
