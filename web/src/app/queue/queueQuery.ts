// The queue's state lives in the address (?tab=mine&q=printer&status=OPEN&sort=updated), so a view can be
// linked, reloaded and gone back to; this turns it into the list API's parameters.

/** The built-in tabs, one of the caller's groups ("group:<id>"), or a saved view ("view:<id>"). */
export type Tab = 'mine' | 'unassigned' | 'all' | `group:${string}` | `view:${string}`;
export type SortChoice = 'created' | 'createdAsc' | 'updated' | 'priority';

export interface QueueState {
  tab: Tab;
  q: string;
  status: string;
  priority: string;
  sort: SortChoice;
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
const SORTS: SortChoice[] = ['created', 'createdAsc', 'updated', 'priority'];

export function readQueueState(search: URLSearchParams): QueueState {
  const tab = search.get('tab') as Tab;
  const sort = search.get('sort') as SortChoice;
  return {
    tab: TABS.includes(tab) || /^(view|group):[\w.-]{1,100}$/.test(tab ?? '') ? tab : 'mine',
    q: search.get('q') ?? '',
    status: search.get('status') ?? '',
    priority: search.get('priority') ?? '',
    sort: SORTS.includes(sort) ? sort : 'created',
  };
}

export function writeQueueState(state: QueueState): string {
  const search = new URLSearchParams();
  if (state.tab !== 'mine') search.set('tab', state.tab);
  if (state.q) search.set('q', state.q);
  if (state.status) search.set('status', state.status);
  if (state.priority) search.set('priority', state.priority);
  if (state.sort !== 'created') search.set('sort', state.sort);
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
  sort: 'created' | 'updated' | 'priority';
  order: 'asc' | 'desc';
  size: number;
  cursor?: string;
}

/** The parameters of GET /api/tickets for a state of the queue; the API applies the caller's visibility itself. */
export function listQuery(state: QueueState, myId: string, cursor?: string, size = 50): ListQuery {
  const query: ListQuery = {
    sort: state.sort === 'createdAsc' ? 'created' : state.sort,
    order: state.sort === 'createdAsc' ? 'asc' : 'desc',
    size,
  };
  if (state.tab === 'mine') query.agentId = myId;
  if (state.tab === 'unassigned') query.unassigned = true;
  const group = groupOf(state.tab);
  if (group) query.groupId = group;
  if (state.q.trim()) query.q = state.q.trim();
  if (state.status) query.status = [state.status];
  if (state.priority) query.priority = [state.priority];
  if (cursor) query.cursor = cursor;
  return query;
}
