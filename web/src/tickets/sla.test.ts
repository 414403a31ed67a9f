import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { slaDuration, slaText, slaTitle, slaTone } from './sla';

const en = (key: MessageKey, values?: Record<string, string | number>) => translate('en', key, values);
const de = (key: MessageKey, values?: Record<string, string | number>) => translate('de', key, values);
const NOW = Date.parse('2026-12-07T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('the SLA badge', () => {
  it('says how long is left, how long ago it was breached, or that it waits or is met', () => {
    expect(slaText({ status: 'on_track', dueAt: at(42) }, NOW, en)).toBe('Due in 42 min');
    expect(slaText({ status: 'at_risk', dueAt: at(8) }, NOW, en)).toBe('At risk · 8 min');
    expect(slaText({ status: 'breached', dueAt: at(-20) }, NOW, en)).toBe('Breached 20 min ago');
    expect(slaText({ status: 'paused', dueAt: null }, NOW, en)).toBe('Paused');
    expect(slaText({ status: 'met', dueAt: null }, NOW, en)).toBe('SLA met');
    expect(slaText({ status: 'breached', dueAt: null }, NOW, en)).toBe('Breached');
  });

  it('ticks: the same SLA a minute later reads a minute less, and past due reads overdue until the server says breached', () => {
    const sla = { status: 'on_track', dueAt: at(2) };
    expect(slaText(sla, NOW, en)).toBe('Due in 2 min');
    expect(slaText(sla, NOW + 60_000, en)).toBe('Due in 1 min');
    expect(slaText(sla, NOW + 3 * 60_000, en)).toBe('Overdue 1 min');
    expect(slaTone(sla, NOW)).toBe('on_track');
    expect(slaTone(sla, NOW + 3 * 60_000)).toBe('breached');
    expect(slaTone({ status: 'paused' }, NOW)).toBe('paused');
    expect(slaTone({ status: 'whatever' }, NOW)).toBe('unknown');
  });

  it('counts in minutes, hours and days, never "0 min"', () => {
    expect(slaDuration(10_000, en)).toBe('1 min');
    expect(slaDuration(59 * 60_000, en)).toBe('59 min');
    expect(slaDuration(60 * 60_000, en)).toBe('1 h');
    expect(slaDuration(185 * 60_000, en)).toBe('3 h 5 min');
    expect(slaDuration(-(26 * 60) * 60_000, en)).toBe('1 d 2 h');
    expect(slaDuration(48 * 3600_000, en)).toBe('2 d');
  });

  it('speaks German too', () => {
    expect(slaText({ status: 'on_track', dueAt: at(185) }, NOW, de)).toBe('Fällig in 3 Std. 5 Min.');
    expect(slaText({ status: 'breached', dueAt: at(-20) }, NOW, de)).toBe('Verletzt vor 20 Min.');
    expect(slaText({ status: 'met' }, NOW, de)).toBe('SLA eingehalten');
  });

  it('names the policy and the target in its title', () => {
    const title = slaTitle({ policyId: 'p-1', policyName: 'Gold', metric: 'first_response', dueAt: at(42), status: 'on_track' },
      en, () => '7 Dec 2026, 12:42');
    expect(title).toBe('SLA: Gold · first response · due 7 Dec 2026, 12:42');
    expect(slaTitle({ policyId: 'p-1', status: 'met' }, en, () => '')).toBe('SLA: p-1');
  });
});
