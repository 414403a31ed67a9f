// The queue's state lives in the address (?tab=mine&q=printer&status=OPEN&sort=updated), so a view can be
// linked, reloaded and gone back to; this turns it into the list API's parameters.

/** The built-in tabs, one of the caller's groups ("group:<id>"), or a saved view ("view:<id>"). */
export type Tab = 'mine' | 'unassigned' | 'all' | `group:${string}` | `view:${string}`;
export type SortChoice = 'created' | 'createdAsc' | 'updated' | 'priority' | 'sla';
/** The SLA quick filters: the badge's statuses the queue can narrow to. */
export const SLA_FILTERS = ['breached', 'at_risk'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

export interface QueueState {
  tab: Tab;
  q: string;
  status: string;
  priority: string;
  sort: SortChoice;
  /** SLA quick filters on (none: any SLA or none) */
  sla: SlaFilter[];
}

const TABS: Tab[] = ['mine', 'unassigned', 'all'];

/** The group whose tickets a tab shows, or null. */
export function groupOf(tab: Tab): string | null {
  return tab.startsWith('group:') ? tab.slice(6) : null;
}

/** The saved view a tab shows, or null for a built-in tab. */
export function savedViewOf(tab: Tab): string | null {
  return tab.startsWith('view:') ? tab.slice(5) : null;
}
const SORTS: SortChoice[] = ['created', 'createdAsc', 'updated', 'priority', 'sla'];

export function readQueueState(search: URLSearchParams): QueueState {
  const tab = search.get('tab') as Tab;
  const sort = search.get('sort') as SortChoice;
  return {
    tab: TABS.includes(tab) || /^(view|group):[\w.-]{1,100}$/.test(tab ?? '') ? tab : 'mine',
    q: search.get('q') ?? '',
    status: search.get('status') ?? '',
    priority: search.get('priority') ?? '',
    sort: SORTS.includes(sort) ? sort : 'created',
    // ?sla=breached,at_risk; unknown words are dropped, the order is the fixed one so one filter has one address
    sla: SLA_FILTERS.filter((filter) => (search.get('sla') ?? '').split(',').includes(filter)),
  };
}

export function writeQueueState(state: QueueState): string {
  const search = new URLSearchParams();
  if (state.tab !== 'mine') search.set('tab', state.tab);
  if (state.q) search.set('q', state.q);
  if (state.status) search.set('status', state.status);
  if (state.priority) search.set('priority', state.priority);
  if (state.sort !== 'created') search.set('sort', state.sort);
  const sla = SLA_FILTERS.filter((filter) => state.sla?.includes(filter));
  if (sla.length) search.set('sla', sla.join(','));
  const text = search.toString();
  return text ? '?' + text : '';
}

export interface ListQuery {
  agentId?: string;
  groupId?: string;
  unassigned?: boolean;
  q?: string;
  status?: string[];
  priority?: string[];
  slaStatus?: SlaFilter[];
  sort: 'created' | 'updated' | 'priority' | 'sla';
  order: 'asc' | 'desc';
  size: number;
  cursor?: string;
}

/** The parameters of GET /api/tickets for a state of the queue; the API applies the caller's visibility itself. */
export function listQuery(state: QueueState, myId: string, cursor?: string, size = 50): ListQuery {
  const query: ListQuery = {
    sort: state.sort === 'createdAsc' ? 'created' : state.sort,
    // SLA due: soonest first (missed targets, due in the past, come first)
    order: state.sort === 'createdAsc' || state.sort === 'sla' ? 'asc' : 'desc',
    size,
  };
  if (state.tab === 'mine') query.agentId = myId;
  if (state.tab === 'unassigned') query.unassigned = true;
  const group = groupOf(state.tab);
  if (group) query.groupId = group;
  if (state.q.trim()) query.q = state.q.trim();
  if (state.status) query.status = [state.status];
  if (state.priority) query.priority = [state.priority];
  const sla = SLA_FILTERS.filter((filter) => state.sla?.includes(filter));
  if (sla.length) query.slaStatus = sla;
  if (cursor) query.cursor = cursor;
  return query;
}

/** The queue's SLA quick filter turned on or off. */
export function toggleSla(state: QueueState, filter: SlaFilter): SlaFilter[] {
  const on = state.sla.includes(filter);
  return SLA_FILTERS.filter((each) => (each === filter ? !on : state.sla.includes(each)));
}

/**
 * The queue's filters and sort as a saved view stores them (POST /api/views: the list's parameter names); a
 * group tab becomes its groupId, "unassigned" and "mine" their own filters.
 */
export function viewDefinition(state: QueueState, myId: string): { filters: Record<string, string | string[]>; sort: ListQuery['sort']; order: ListQuery['order'] } {
  const query = listQuery(state, myId);
  const filters: Record<string, string | string[]> = {};
  if (query.agentId) filters.agentId = query.agentId;
  if (query.groupId) filters.groupId = query.groupId;
  if (query.unassigned) filters.unassigned = 'true';
  if (query.q) filters.q = query.q;
  if (query.status) filters.status = query.status;
  if (query.priority) filters.priority = query.priority;
  if (query.slaStatus) filters.slaStatus = query.slaStatus;
  return { filters, sort: query.sort, order: query.order };
}
