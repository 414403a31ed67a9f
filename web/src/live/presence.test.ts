import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyPresence, othersOf, PresenceHolder, type PresenceState } from './presence';

describe('who else is on the ticket', () => {
  it('leaves the caller out of the server answer', () => {
    expect(othersOf([{ userId: 'me', state: 'viewing' }, { userId: 'u2', name: 'Lee', state: 'typing' }], 'me'))
      .toEqual([{ userId: 'u2', name: 'Lee', state: 'typing', since: undefined }]);
  });

  it('adds a newcomer, changes a state in place, drops who left, and ignores other tickets and the caller', () => {
    let list = applyPresence([], { ticketId: 't1', userId: 'u2', name: 'Lee', state: 'viewing' }, 't1', 'me');
    list = applyPresence(list, { ticketId: 't1', userId: 'u3', state: 'viewing' }, 't1', 'me');
    list = applyPresence(list, { ticketId: 't1', userId: 'u2', name: 'Lee', state: 'typing' }, 't1', 'me');
    expect(list.map((p) => `${p.userId}:${p.state}`)).toEqual(['u2:typing', 'u3:viewing']);
    expect(applyPresence(list, { ticketId: 't2', userId: 'u4', state: 'viewing' }, 't1', 'me')).toBe(list);
    expect(applyPresence(list, { ticketId: 't1', userId: 'me', state: 'typing' }, 't1', 'me')).toBe(list);
    expect(applyPresence(list, { ticketId: 't1', userId: 'u2', state: 'left' }, 't1', 'me').map((p) => p.userId)).toEqual(['u3']);
  });
});

describe('holding the own presence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('says viewing at once and every 10 s, typing at once when the composer takes focus, and leaves when stopped', () => {
    const sent: (PresenceState | null)[] = [];
    const holder = new PresenceHolder((state) => { sent.push(state); });
    holder.start();
    expect(sent).toEqual(['viewing']);
    vi.advanceTimersByTime(25_000);
    expect(sent).toEqual(['viewing', 'viewing', 'viewing']);
    holder.set('typing');
    holder.set('typing');
    expect(sent).toEqual(['viewing', 'viewing', 'viewing', 'typing']);
    vi.advanceTimersByTime(10_000);
    expect(sent.at(-1)).toBe('typing');
    holder.stop();
    expect(sent.at(-1)).toBeNull();
    const before = sent.length;
    vi.advanceTimersByTime(60_000);
    expect(sent.length).toBe(before); // nothing after leaving
  });
});
