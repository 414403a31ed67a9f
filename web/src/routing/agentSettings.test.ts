import { describe, expect, it } from 'vitest';
import { agentFormOf, agentRequestOf, groupFormOf, groupRequestOf, ifMatch } from './agentSettings';

describe('agent settings form', () => {
  it('reads the stored settings and writes them back as the API takes them', () => {
    const form = agentFormOf({ agentId: 'u-1', skills: ['billing', 'sepa'], languages: ['de'], capacity: 8, timeZone: 'Europe/Berlin',
      schedule: { monday: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }] }, status: 'away', groups: ['tier-1'], version: 2 });
    expect(form.schedule.monday).toBe('08:00-12:00, 13:00-17:00');
    expect(form.schedule.sunday).toBe('');
    form.schedule.friday = '09:00 – 24:00';
    form.languages = 'de, en';
    expect(agentRequestOf(form, 2)).toEqual({ skills: ['billing', 'sepa'], languages: ['de', 'en'], capacity: 8, timeZone: 'Europe/Berlin',
      schedule: { monday: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }], friday: [{ start: '09:00', end: '24:00' }] },
      status: 'away', groups: ['tier-1'], version: 2 });
  });

  it('defaults an agent never set to offline in UTC, with no capacity', () => {
    const request = agentRequestOf(agentFormOf({ agentId: 'u-2', version: null }), null);
    expect(request).toEqual({ skills: [], languages: [], capacity: null, timeZone: 'UTC', schedule: {}, status: 'offline', groups: [] });
  });

  it('sends a mistyped capacity so the API names it', () => {
    const form = agentFormOf({ agentId: 'u-1' });
    form.capacity = 'lots';
    expect(agentRequestOf(form, null).capacity).toBe(-1);
  });

  it('sends If-Match only for stored settings', () => {
    expect(ifMatch(null)).toEqual({});
    expect(ifMatch(0)).toEqual({ 'If-Match': '"0"' });
  });
});

describe('group assignment form', () => {
  it('maps a stored group both ways, an empty cap as none', () => {
    const form = groupFormOf({ groupId: 'tier-1', strategy: 'least_loaded', loadMeasure: 'spare_capacity', matchSkills: true,
      matchLanguage: false, maxOpenPerAgent: null, version: 1 });
    expect(form.maxOpenPerAgent).toBe('');
    expect(groupRequestOf({ ...form, maxOpenPerAgent: '12' })).toEqual({ strategy: 'least_loaded', loadMeasure: 'spare_capacity',
      matchSkills: true, matchLanguage: false, maxOpenPerAgent: 12 });
  });

  it('reads a group never set as manual', () => {
    expect(groupFormOf(undefined).strategy).toBe('manual');
  });
});
