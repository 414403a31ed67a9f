import { describe, expect, it } from 'vitest';
import { applyTicket, withoutTicket } from './queueLive';
import type { QueueState } from '../app/queue/queueQuery';

const state = (over: Partial<QueueState> = {}): QueueState => ({ tab: 'all', q: '', status: '', priority: '', sort: 'created', sla: [], ...over });
const t = (id: string, over: Record<string, unknown> = {}) => ({ ticketId: id, createdAt: `2026-01-0${id.slice(1)}T00:00:00Z`, version: 1, ...over });

describe('the queue under live changes', () => {
  it('puts a new ticket where the sort puts it and counts it', () => {
    const update = applyTicket([t('t3'), t('t1')], 2, t('t2'), state(), 'me');
    expect(update).not.toBe('reload');
    if (update === 'reload') return;
    expect(update.items.map((i) => i.ticketId)).toEqual(['t3', 't2', 't1']);
    expect(update.total).toBe(3);
  });

  it('drops a ticket assigned away from the unassigned tab and adds it to mine when assigned to me', () => {
    const assigned = t('t1', { agentId: 'me', version: 2 });
    expect(applyTicket([t('t1'), t('t2')], 2, assigned, state({ tab: 'unassigned' }), 'me'))
      .toEqual({ items: [t('t2')], total: 1 });
    expect(applyTicket([t('t2')], 1, assigned, state({ tab: 'mine' }), 'me'))
      .toEqual({ items: [t('t2'), assigned], total: 2 });
  });

  it('moves a ticket assigned to a group out of unassigned and into that group\'s tab, and out again when someone takes it', () => {
    const toGroup = t('t1', { groupId: 'tier-1', version: 2 });
    expect(applyTicket([t('t1')], 1, toGroup, state({ tab: 'unassigned' }), 'me')).toEqual({ items: [], total: 0 });
    expect(applyTicket([], 0, toGroup, state({ tab: 'group:tier-1' }), 'me')).toEqual({ items: [toGroup], total: 1 });
    expect(applyTicket([], 0, toGroup, state({ tab: 'group:billing' }), 'me')).toEqual({ items: [], total: 0 });
    const taken = t('t1', { agentId: 'alex', groupId: null, version: 3 });
    expect(applyTicket([toGroup], 1, taken, state({ tab: 'group:tier-1' }), 'me')).toEqual({ items: [], total: 0 });
  });

  it('updates a ticket in place, keeps a newer version, follows filters, and leaves searches to the server', () => {
    const update = applyTicket([t('t2'), t('t1')], 2, t('t1', { priority: 'HIGH', version: 3 }), state(), 'me');
    expect(update !== 'reload' && update.items[1]).toMatchObject({ priority: 'HIGH' });
    const stale = applyTicket([t('t1', { version: 5 })], 1, t('t1', { version: 4 }), state(), 'me');
    expect(stale !== 'reload' && stale.items[0]?.version).toBe(5);
    expect(applyTicket([t('t1')], 1, t('t1', { status: 'OPEN' }), state({ status: 'NEW' }), 'me')).toEqual({ items: [], total: 0 });
    expect(applyTicket([], 0, t('t1'), state({ q: 'printer' }), 'me')).toBe('reload');
    expect(applyTicket([], 0, t('t1'), state({ tab: 'view:v1' }), 'me')).toBe('reload');
  });

  it('removes a hidden ticket', () => {
    expect(withoutTicket([t('t1'), t('t2')], 7, 't1')).toEqual({ items: [t('t2')], total: 6 });
    expect(withoutTicket([t('t2')], 7, 't1')).toEqual({ items: [t('t2')], total: 7 });
  });
});
