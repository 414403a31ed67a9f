import { currentToken } from '../session/session';
import { SseParser, type SseEvent } from './sse';

/** What GET /api/stream sends (query-service StreamEvents), by event name. */
export type LiveEvent =
  | { kind: 'ready'; resumed: boolean }
  | { kind: 'ticket'; ticketId: string; sequence: number; type: string; ticket?: Record<string, unknown>;
      messages: Record<string, unknown>[]; by?: { userId?: string; role?: string } }
  | { kind: 'ticket-hidden'; ticketId: string; sequence: number }
  | { kind: 'reload'; reason?: string }
  | { kind: 'presence'; ticketId: string; userId: string; name?: string | null; state: string; since?: string };

/** The event an SSE message stands for, or null for one this app does not know (newer servers may add some). */
export function liveEventOf(message: SseEvent): LiveEvent | null {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(message.data) as Record<string, unknown>;
  } catch {
    return null;
  }
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  switch (message.event) {
    case 'ready':
      return { kind: 'ready', resumed: data.resumed === true };
    case 'ticket':
      return text('ticketId') ? {
        kind: 'ticket', ticketId: text('ticketId'), sequence: Number(data.sequence ?? 0), type: text('type'),
        ticket: (data.ticket ?? undefined) as Record<string, unknown> | undefined,
        messages: Array.isArray(data.messages) ? (data.messages as Record<string, unknown>[]) : [],
        by: (data.by ?? undefined) as { userId?: string; role?: string } | undefined,
      } : null;
    case 'ticket-hidden':
      return text('ticketId') ? { kind: 'ticket-hidden', ticketId: text('ticketId'), sequence: Number(data.sequence ?? 0) } : null;
    case 'reload':
      return { kind: 'reload', reason: text('reason') || undefined };
    case 'presence':
      return text('ticketId') && text('userId') ? {
        kind: 'presence', ticketId: text('ticketId'), userId: text('userId'),
        name: typeof data.name === 'string' ? data.name : null, state: text('state'), since: text('since') || undefined,
      } : null;
    default:
      return null;
  }
}

export type Listener = (event: LiveEvent) => void;
export type Connection = 'connecting' | 'live' | 'offline';

/** How long to wait before reconnecting after the n-th failure in a row (1 s doubling to 30 s), or as the server asks. */
export function backoff(failures: number, retryAfterSeconds?: number | null): number {
  if (retryAfterSeconds && retryAfterSeconds > 0) return retryAfterSeconds * 1000;
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}

/**
 * One stream per page, shared by everything on it that wants live updates (the queue, the open ticket). It
 * reconnects by itself (the server ends a stream after 15 minutes, networks break) and resumes with
 * Last-Event-ID, so no change is missed; when the server no longer has the events it sends `reload`.
 */
export class LiveStream {
  private listeners = new Set<Listener>();
  private statusListeners = new Set<(status: Connection) => void>();
  private abort: AbortController | null = null;
  private lastEventId: string | undefined;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closing: ReturnType<typeof setTimeout> | undefined;
  status: Connection = 'offline';

  constructor(private readonly fetchImpl: () => typeof fetch = () => globalThis.fetch.bind(globalThis),
    private readonly lingerMs = 2000) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    clearTimeout(this.closing);
    if (this.listeners.size === 1 && !this.abort) void this.connect();
    return () => {
      this.listeners.delete(listener);
      // going from the queue to a ticket unsubscribes and subscribes again: keep the connection over that
      if (this.listeners.size === 0) this.closing = setTimeout(() => this.close(), this.lingerMs);
    };
  }

  onStatus(listener: (status: Connection) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: Connection) {
    this.status = status;
    this.statusListeners.forEach((listener) => listener(status));
  }

  close() {
    clearTimeout(this.timer);
    clearTimeout(this.closing);
    this.abort?.abort();
    this.abort = null;
    this.setStatus('offline');
  }

  private async connect() {
    if (this.listeners.size === 0) return;
    const abort = new AbortController();
    this.abort = abort;
    this.setStatus('connecting');
    let retryAfter: number | null = null;
    try {
      const token = await currentToken();
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (token) headers.Authorization = `Bearer ${token}`;
      if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
      const response = await this.fetchImpl()('/api/stream', { headers, signal: abort.signal, cache: 'no-store' });
      if (!response.ok || !response.body) {
        retryAfter = Number(response.headers.get('Retry-After')) || null;
        throw new Error(`stream answered ${response.status}`);
      }
      const parser = new SseParser();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const message of parser.feed(value)) {
          const event = liveEventOf(message);
          if (event?.kind === 'ready') {
            this.failures = 0;
            this.setStatus('live');
          }
          if (event) this.listeners.forEach((listener) => listener(event));
        }
        if (parser.lastEventId) this.lastEventId = parser.lastEventId;
      }
    } catch {
      // reconnect below, unless closed
    }
    if (abort.signal.aborted || this.abort !== abort) return;
    this.failures++;
    this.setStatus('offline');
    this.timer = setTimeout(() => void this.connect(), backoff(this.failures, retryAfter));
  }
}

/** The page's stream. */
export const liveStream = new LiveStream();
