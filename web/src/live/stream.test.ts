import { describe, expect, it, vi } from 'vitest';
import { backoff, liveEventOf, LiveStream, type LiveEvent } from './stream';

function body(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
}

describe('the live stream', () => {
  it('turns the server events into typed ones and ignores unknown or broken ones', () => {
    expect(liveEventOf({ event: 'ticket-hidden', data: '{"ticketId":"t1","sequence":4}' }))
      .toEqual({ kind: 'ticket-hidden', ticketId: 't1', sequence: 4 });
    expect(liveEventOf({ event: 'presence', data: '{"ticketId":"t1","userId":"u","name":null,"state":"typing","since":"x"}' }))
      .toMatchObject({ kind: 'presence', state: 'typing', userId: 'u' });
    expect(liveEventOf({ event: 'ticket', data: '{"ticketId":"t1","sequence":3,"ticket":{"subject":"s"}}' }))
      .toMatchObject({ kind: 'ticket', ticketId: 't1', sequence: 3, ticket: { subject: 's' }, messages: [] });
    expect(liveEventOf({ event: 'something-new', data: '{}' })).toBeNull();
    expect(liveEventOf({ event: 'ticket', data: 'not json' })).toBeNull();
  });

  it('backs off doubling to 30 s, or as Retry-After asks', () => {
    expect([1, 2, 3, 9].map((n) => backoff(n))).toEqual([1000, 2000, 4000, 30_000]);
    expect(backoff(1, 30)).toBe(30_000);
  });

  it('delivers the events and resumes after a broken connection with the last id received', async () => {
    const calls: RequestInit[] = [];
    const answers = [
      'event: ready\ndata: {"resumed":false}\n\nid: 5.1\nevent: ticket\ndata: {"ticketId":"t1","sequence":2}\n\n',
      'event: ready\ndata: {"resumed":true}\n\n',
    ];
    const fetchFake = vi.fn(async (_url: string, init: RequestInit) => {
      calls.push(init);
      return new Response(body(answers.shift() ?? ''), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    });
    const stream = new LiveStream(() => fetchFake as unknown as typeof fetch, 0);
    const seen: LiveEvent[] = [];
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const stop = stream.subscribe((event) => seen.push(event));
      await vi.waitFor(() => expect(seen).toHaveLength(2));
      await vi.advanceTimersByTimeAsync(1000); // the server closed the first stream: reconnect after 1 s
      await vi.waitFor(() => expect(seen).toHaveLength(3));
      expect((calls[1]?.headers as Record<string, string>)['Last-Event-ID']).toBe('5.1');
      expect(seen[2]).toEqual({ kind: 'ready', resumed: true });
      stop();
      await vi.advanceTimersByTimeAsync(0);
      expect(stream.status).toBe('offline');
    } finally {
      vi.useRealTimers();
    }
  });
});
