import { describe, expect, it } from 'vitest';
import { fitsQueue } from '../../live/queueLive';
import { listQuery, readQueueState, toggleSla, viewDefinition, writeQueueState } from './queueQuery';

describe('the queue by SLA', () => {
  it('keeps "SLA due" and the Breached / At risk quick filters in the address', () => {
    const state = readQueueState(new URLSearchParams('tab=all&sort=sla&sla=at_risk,breached,bogus'));
    expect(state).toMatchObject({ tab: 'all', sort: 'sla', sla: ['breached', 'at_risk'] });
    expect(writeQueueState(state)).toBe('?tab=all&sort=sla&sla=breached%2Cat_risk');
    expect(readQueueState(new URLSearchParams(writeQueueState(state)))).toEqual(state);
    expect(readQueueState(new URLSearchParams('sla=on_track')).sla).toEqual([]);
  });

  it('asks the list API for soonest due first and for the chosen SLA statuses', () => {
    const base = readQueueState(new URLSearchParams('tab=all'));
    expect(listQuery({ ...base, sort: 'sla' }, 'u-1')).toEqual({ sort: 'sla', order: 'asc', size: 50 });
    expect(listQuery({ ...base, sla: ['breached'] }, 'u-1')).toEqual({ slaStatus: ['breached'], sort: 'created', order: 'desc', size: 50 });
    expect(listQuery({ ...base, tab: 'mine', sla: ['breached', 'at_risk'], sort: 'sla' }, 'u-1'))
      .toEqual({ agentId: 'u-1', slaStatus: ['breached', 'at_risk'], sort: 'sla', order: 'asc', size: 50 });
  });

  it('turns a quick filter on and off, leaving the other as it is', () => {
    const base = readQueueState(new URLSearchParams('sla=at_risk'));
    expect(toggleSla(base, 'breached')).toEqual(['breached', 'at_risk']);
    expect(toggleSla(base, 'at_risk')).toEqual([]);
  });

  it('saves the filters and the SLA order as a view stores them', () => {
    const state = readQueueState(new URLSearchParams('tab=group:billing&priority=HIGH&sort=sla&sla=breached'));
    expect(viewDefinition(state, 'u-1')).toEqual({
      filters: { groupId: 'billing', priority: ['HIGH'], slaStatus: ['breached'] }, sort: 'sla', order: 'asc',
    });
  });

  it('leaves it to the server where a changed ticket goes when SLA decides', () => {
    const ticket = { ticketId: 't-1', status: 'OPEN' };
    const base = readQueueState(new URLSearchParams('tab=all'));
    expect(fitsQueue(base, ticket, 'u-1')).toBe(true);
    expect(fitsQueue({ ...base, sla: ['breached'] }, ticket, 'u-1')).toBeNull();
    expect(fitsQueue({ ...base, sort: 'sla' }, ticket, 'u-1')).toBeNull();
  });
});
