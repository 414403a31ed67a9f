import type { QueueState } from '../app/queue/queueQuery';

interface Row {
  ticketId?: string;
  agentId?: string | null;
  groupId?: string | null;
  status?: string;
  priority?: string;
  createdAt?: string;
  updatedAt?: string;
  version?: number;
}

/**
 * Whether a ticket belongs in the queue as shown, by the same rules the list API's parameters say; null when
 * the queue cannot tell here (a search text, a saved view, or the SLA's filters and order, which only the server
 * keeps current: the server decides, so the list is read again).
 */
export function fitsQueue(state: QueueState, ticket: Row, myId: string): boolean | null {
  if (state.q.trim() || state.tab.startsWith('view:') || state.sla.length > 0 || state.sort === 'sla') return null;
  if (state.tab === 'mine' && ticket.agentId !== myId) return false;
  if (state.tab === 'unassigned' && (ticket.agentId || ticket.groupId)) return false;
  if (state.tab.startsWith('group:') && ticket.groupId !== state.tab.slice(6)) return false;
  if (state.status && ticket.status !== state.status) return false;
  if (state.priority && ticket.priority !== state.priority) return false;
  return true;
}

const PRIORITY_RANK: Record<string, number> = { URGENT: 4, HIGH: 3, MEDIUM: 2, LOW: 1 };

/** The queue's order for a sort choice (the list API's), so a ticket that arrives or changes lands where a reload would put it. */
export function compareFor(state: QueueState): (a: Row, b: Row) => number {
  const text = (value?: string) => value ?? '';
  switch (state.sort) {
    case 'createdAsc': return (a, b) => text(a.createdAt).localeCompare(text(b.createdAt));
    case 'updated': return (a, b) => text(b.updatedAt).localeCompare(text(a.updatedAt));
    case 'priority': return (a, b) => (PRIORITY_RANK[b.priority ?? ''] ?? 0) - (PRIORITY_RANK[a.priority ?? ''] ?? 0)
      || text(b.createdAt).localeCompare(text(a.createdAt));
    default: return (a, b) => text(b.createdAt).localeCompare(text(a.createdAt));
  }
}

export type QueueUpdate<T> = { items: T[]; total: number } | 'reload';

/**
 * The queue after a changed ticket arrived: it appears (in its place by the sort), moves, updates, or leaves
 * when it no longer fits; a newer version never gives way to an older one. 'reload' when only the server can say.
 */
export function applyTicket<T extends Row>(items: T[], total: number, ticket: T, state: QueueState, myId: string): QueueUpdate<T> {
  const fits = fitsQueue(state, ticket, myId);
  if (fits === null) return 'reload';
  const at = items.findIndex((item) => item.ticketId === ticket.ticketId);
  if (at >= 0 && (items[at]?.version ?? 0) > (ticket.version ?? 0)) return { items, total };
  const rest = at >= 0 ? items.filter((_, index) => index !== at) : items;
  if (!fits) return { items: rest, total: at >= 0 ? Math.max(0, total - 1) : total };
  const compare = compareFor(state);
  const place = rest.findIndex((item) => compare(ticket, item) < 0);
  const next = place < 0 ? [...rest, ticket] : [...rest.slice(0, place), ticket, ...rest.slice(place)];
  return { items: next, total: at >= 0 ? total : total + 1 };
}

/** The queue without a ticket the caller may no longer see. */
export function withoutTicket<T extends Row>(items: T[], total: number, ticketId: string): { items: T[]; total: number } {
  const rest = items.filter((item) => item.ticketId !== ticketId);
  return { items: rest, total: rest.length === items.length ? total : Math.max(0, total - 1) };
}
