import { describe, expect, it } from 'vitest';
import { calendarFormOf, calendarRequestOf, emptyCalendar, policyFormOf, policyRequestOf, type Policy } from './slaForm';

describe('the SLA calendar form', () => {
  it('reads a stored calendar and writes it back as the API takes it, every weekday named', () => {
    const form = calendarFormOf({ id: 'c-1', name: 'Berlin office', zone: 'Europe/Berlin', default: true, version: 2,
      slots: { MONDAY: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] },
      holidays: [{ date: '2026-12-25', name: 'Christmas' }] });
    expect(form.slots.MONDAY).toHaveLength(2);
    expect(form.slots.SUNDAY).toEqual([]);
    form.holidays.push({ date: ' 2026-12-26 ', name: ' Boxing Day ' });
    expect(calendarRequestOf(form)).toEqual({ name: 'Berlin office', zone: 'Europe/Berlin', default: true,
      slots: { MONDAY: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }], TUESDAY: [], WEDNESDAY: [], THURSDAY: [],
        FRIDAY: [], SATURDAY: [], SUNDAY: [] },
      holidays: [{ date: '2026-12-25', name: 'Christmas' }, { date: '2026-12-26', name: 'Boxing Day' }] });
  });

  it('starts a new calendar open nine to five on weekdays', () => {
    const request = calendarRequestOf({ ...emptyCalendar('Europe/Berlin'), name: 'HQ' });
    expect(request.slots.FRIDAY).toEqual([{ start: '09:00', end: '17:00' }]);
    expect(request.slots.SATURDAY).toEqual([]);
    expect(request.zone).toBe('Europe/Berlin');
  });
});

describe('the SLA policy form', () => {
  const stored: Policy = { id: 'p-1', name: 'Standard', position: 10, active: true, calendarId: null, match: 'any',
    conditions: [{ field: 'priority', operator: 'in', value: ['HIGH', 'URGENT'] }],
    targets: { HIGH: { first_response: { minutes: 60, basis: 'business' }, resolution: { minutes: 480, basis: 'calendar' } } },
    warningLeadMinutes: 15,
    breachActions: [{ type: 'escalate', groupId: 'tier-2' }, { type: 'raise_priority', priority: 'URGENT' }, { type: 'notify_team_lead', userId: 'u-9' }],
    version: 3 };

  it('maps a stored policy to the form and back unchanged', () => {
    const form = policyFormOf(stored);
    expect(form.conditions).toEqual([{ kind: 'field', field: 'priority', operator: 'in', value: 'HIGH, URGENT' }]);
    expect(form.targets.HIGH!.first_response).toEqual({ minutes: '60', basis: 'business' });
    expect(form.breachActions).toEqual([{ type: 'escalate', value: 'tier-2' }, { type: 'raise_priority', value: 'URGENT' },
      { type: 'notify_team_lead', value: 'u-9' }]);
    expect(policyRequestOf(form)).toEqual({ name: 'Standard', position: 10, active: true, calendarId: null, match: 'any',
      conditions: [{ field: 'priority', operator: 'in', value: ['HIGH', 'URGENT'] }],
      targets: stored.targets, warningLeadMinutes: 15, breachActions: stored.breachActions });
  });

  it('leaves out empty targets, names a calendar, and sends a mistyped number so the API refuses it by name', () => {
    const form = policyFormOf(stored);
    form.calendarId = 'c-1';
    form.targets.HIGH!.next_response = { minutes: '', basis: 'business' };
    form.targets.LOW = { resolution: { minutes: 'soon', basis: 'calendar' } };
    form.warningLeadMinutes = '';
    const request = policyRequestOf(form);
    expect(request.calendarId).toBe('c-1');
    expect(request.targets.HIGH).not.toHaveProperty('next_response');
    expect(request.targets.LOW).toEqual({ resolution: { minutes: -1, basis: 'calendar' } });
    expect(request.warningLeadMinutes).toBe(0);
  });
});
