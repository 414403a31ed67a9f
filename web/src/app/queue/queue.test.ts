import { describe, expect, it } from 'vitest';
import { listQuery, readQueueState, savedViewOf, writeQueueState } from './queueQuery';
import { needsMore, windowOf } from './windowing';

describe('the queue', () => {
  it('reads its state from the address and writes back only what differs from the default', () => {
    const state = readQueueState(new URLSearchParams('tab=all&q=printer&status=OPEN&sort=updated&tab=bogus'));
    expect(state).toEqual({ tab: 'all', q: 'printer', status: 'OPEN', priority: '', sort: 'updated', sla: [] });
    expect(writeQueueState(state)).toBe('?tab=all&q=printer&status=OPEN&sort=updated');
    expect(readQueueState(new URLSearchParams('tab=bogus&sort=evil'))).toMatchObject({ tab: 'mine', sort: 'created' });
    expect(writeQueueState(readQueueState(new URLSearchParams()))).toBe('');
    expect(readQueueState(new URLSearchParams('tab=view:4f1c-2a')).tab).toBe('view:4f1c-2a');
    expect(savedViewOf('view:4f1c-2a')).toBe('4f1c-2a');
    expect(savedViewOf('mine')).toBeNull();
    expect(readQueueState(new URLSearchParams('tab=view:../../x')).tab).toBe('mine');
    expect(readQueueState(new URLSearchParams('tab=group:technical-support')).tab).toBe('group:technical-support');
  });

  it('asks the list API for my tickets, the unassigned ones or all the caller may see', () => {
    const base = readQueueState(new URLSearchParams());
    expect(listQuery(base, 'u-1')).toEqual({ agentId: 'u-1', sort: 'created', order: 'desc', size: 50 });
    expect(listQuery({ ...base, tab: 'unassigned' }, 'u-1')).toMatchObject({ unassigned: true });
    expect(listQuery({ ...base, tab: 'unassigned' }, 'u-1').agentId).toBeUndefined();
    expect(listQuery({ ...base, tab: 'group:billing' }, 'u-1')).toEqual({ groupId: 'billing', sort: 'created', order: 'desc', size: 50 });
    const all = listQuery({ ...base, tab: 'all', q: '  printer ', status: 'OPEN', priority: 'HIGH', sort: 'createdAsc' },
      'u-1', 'cursor-2');
    expect(all).toEqual({ q: 'printer', status: ['OPEN'], priority: ['HIGH'], sort: 'created', order: 'asc',
      size: 50, cursor: 'cursor-2' });
  });

  it('renders only the rows in view, with a few either side', () => {
    const window = windowOf(56 * 1000, 560, 56, 10_000, 5);
    expect(window).toEqual({ start: 995, end: 1016, offset: 995 * 56, height: 560_000 });
    expect(window.end - window.start).toBeLessThan(30);
    expect(windowOf(0, 560, 56, 3)).toEqual({ start: 0, end: 3, offset: 0, height: 168 });
    expect(windowOf(99_999_999, 560, 56, 100, 0).end).toBe(100);
    expect(windowOf(0, 560, 56, 0)).toEqual({ start: 0, end: 0, offset: 0, height: 0 });
  });

  it('loads the next page before the end of the loaded rows comes into view', () => {
    expect(needsMore(windowOf(0, 560, 56, 50), 50, true)).toBe(false);
    expect(needsMore(windowOf(56 * 35, 560, 56, 50), 50, true)).toBe(true);
    expect(needsMore(windowOf(56 * 35, 560, 56, 50), 50, false)).toBe(false);
  });
});

describe('the CSV export', () => {
  it('keeps the header once and every page\'s rows', async () => {
    const { joinCsvPages } = await import('./csvExport');
    expect(joinCsvPages(['number,subject\n1,a\n2,b\n', 'number,subject\n3,c\n', 'number,subject\n'])).toBe(
      'number,subject\n1,a\n2,b\n3,c\n');
    expect(joinCsvPages([])).toBe('');
  });
});

describe('tags as typed', () => {
  it('are trimmed, without blanks or repeats', async () => {
    const { tagsOf } = await import('../ticket/TicketEditing');
    expect(tagsOf(' vip, printer ,,vip,  ')).toEqual(['vip', 'printer']);
    expect(tagsOf('')).toEqual([]);
  });
});
