// Server-Sent Events read from a fetch body. The browser's EventSource cannot send an Authorization header, and
// the stream (GET /api/stream) knows the caller only by the access token, so the app reads the body itself.

/** One event of the stream: its name (default "message"), its data (data lines joined by \n) and its id if any. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Parses the text/event-stream format (HTML Living Standard, "Server-sent events") incrementally: feed it chunks
 * as they arrive, in any split, and it answers the events completed so far. Comments (heartbeats) are dropped.
 * `lastEventId` follows every `id:` field, also of a message without data, as the standard's resumption does.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private event = '';
  private id: string | undefined;
  private sawCarriageReturn = false;
  lastEventId: string | undefined;

  feed(chunk: string): SseEvent[] {
    let text = chunk;
    // a \r\n split across two chunks is one line end, not two
    if (this.sawCarriageReturn && text.startsWith('\n')) text = text.slice(1);
    this.sawCarriageReturn = text.endsWith('\r');
    this.buffer += text;
    const events: SseEvent[] = [];
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
    return null;
  }

  private dispatch(): SseEvent | null {
    if (this.id !== undefined) this.lastEventId = this.id;
    const event = this.data.length ? { event: this.event || 'message', data: this.data.join('\n'), id: this.id } : null;
    this.data = [];
    this.event = '';
    this.id = undefined;
    return event;
  }
}
