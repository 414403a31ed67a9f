import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

describe('SseParser', () => {
  it('reads named events with ids and JSON data, dropping heartbeats', () => {
    const parser = new SseParser();
    const events = parser.feed('event: ready\ndata: {"resumed":false}\n\n: heartbeat\n\nid: 12.3\nevent: ticket\ndata: {"ticketId":"t1"}\n\n');
    expect(events).toEqual([
      { event: 'ready', data: '{"resumed":false}', id: undefined },
      { event: 'ticket', data: '{"ticketId":"t1"}', id: '12.3' },
    ]);
    expect(parser.lastEventId).toBe('12.3');
  });

  it('completes an event only at its blank line, however the chunks split it (also inside a CRLF)', () => {
    const parser = new SseParser();
    const text = 'id: 7\r\nevent: presence\r\ndata: {"a":\r\ndata: 1}\r\n\r\n';
    const events = [];
    for (const char of text) events.push(...parser.feed(char));
    expect(events).toEqual([{ event: 'presence', data: '{"a":\n1}', id: '7' }]);
    expect(parser.feed('event: ticket\ndata: x\n')).toEqual([]);
    expect(parser.feed('\n')).toEqual([{ event: 'ticket', data: 'x', id: undefined }]);
  });

  it('moves the last event id on for a message that carries only an id, so a resume skips it', () => {
    const parser = new SseParser();
    expect(parser.feed('id: 41\n\n: heartbeat\n\n')).toEqual([]);
    expect(parser.lastEventId).toBe('41');
  });

  it('defaults the event name to message and keeps a value without the optional space', () => {
    expect(new SseParser().feed('data:plain\n\n')).toEqual([{ event: 'message', data: 'plain', id: undefined }]);
  });
});
