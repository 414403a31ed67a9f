// Collision detection on a ticket: the open ticket says the agent is viewing it (typing while the composer has
// focus), and shows who else is there, kept current by the stream's `presence` events.

export type PresenceState = 'viewing' | 'typing';

export interface Present {
  userId: string;
  name?: string | null;
  state: PresenceState;
  since?: string;
}

/** Who else is on the ticket, from POST/GET /api/presence/tickets/{id} (which includes the caller). */
export function othersOf(present: { userId?: string; name?: string | null; state?: string; since?: string }[] | undefined,
  myId: string | undefined): Present[] {
  return (present ?? [])
    .filter((person) => person.userId && person.userId !== myId && (person.state === 'viewing' || person.state === 'typing'))
    .map((person) => ({ userId: person.userId!, name: person.name ?? null, state: person.state as PresenceState, since: person.since }));
}

/**
 * The list after a stream `presence` event: someone came or changed state (replaced in place, so the list does
 * not jump), or left (also when their presence expired). Events of other tickets and of the caller change nothing.
 */
export function applyPresence(list: Present[], event: { ticketId: string; userId: string; name?: string | null;
  state: string; since?: string }, ticketId: string, myId: string | undefined): Present[] {
  if (event.ticketId !== ticketId || event.userId === myId) return list;
  const rest = list.filter((person) => person.userId !== event.userId);
  if (event.state !== 'viewing' && event.state !== 'typing') return rest;
  const person: Present = { userId: event.userId, name: event.name ?? null, state: event.state, since: event.since };
  const at = list.findIndex((existing) => existing.userId === event.userId);
  if (at < 0) return [...list, person];
  return list.map((existing, index) => (index === at ? person : existing));
}

/**
 * Holds the caller's presence on a ticket: says it at once, again at every change of state, and every
 * `refreshMs` while it holds (the server forgets it after 30 s); `stop` leaves (DELETE). `send(null)` leaves.
 */
export class PresenceHolder {
  private state: PresenceState = 'viewing';
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;

  constructor(private readonly send: (state: PresenceState | null) => Promise<unknown> | void,
    private readonly refreshMs = 10_000) {}

  start(state: PresenceState = 'viewing') {
    if (this.running) return this.set(state);
    this.running = true;
    this.state = state;
    void this.send(state);
    this.timer = setInterval(() => void this.send(this.state), this.refreshMs);
  }

  set(state: PresenceState) {
    if (!this.running || state === this.state) return;
    this.state = state;
    void this.send(state);
    // a fresh full period after each change
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.send(this.state), this.refreshMs);
  }

  stop() {
    if (!this.running) return;
    this.running = false;
    clearInterval(this.timer);
    void this.send(null);
  }
}
