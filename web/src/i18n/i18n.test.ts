import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative } from './format';
import { translate } from './i18n';
import { de } from './messages.de';
import { en } from './messages.en';

describe('the i18n layer', () => {
  it('has every English message in German, none left empty or untranslated by accident', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(de)) expect(text, key).not.toBe('');
    expect(de['signin.submit']).not.toBe(en['signin.submit']);
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('en', 'queue.count', { shown: 25, total: 1042 })).toBe('25 of 1042 tickets');
    expect(translate('de', 'queue.count', { shown: 25, total: 1042 })).toBe('25 von 1042 Tickets');
    expect(translate('en', 'ticket.by', {})).toBe('by {name}');
  });

  it("shows a UTC time in the viewer's time zone and language", () => {
    const iso = '2026-11-22T09:15:00Z';
    expect(formatDateTime(iso, 'en', 'Europe/Berlin')).toContain('10:15');
    expect(formatDateTime(iso, 'en', 'America/New_York')).toContain('4:15');
    expect(formatDateTime(iso, 'de', 'Europe/Berlin')).toMatch(/22\.11\.2026|22\. Nov/);
    expect(formatDateTime(null, 'en')).toBe('');
  });

  it('says how long ago in words', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(formatRelative('2026-11-22T09:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatRelative('2026-11-22T09:00:00Z', 'de', now)).toBe('vor 3 Stunden');
    expect(formatRelative('2026-11-22T11:59:40Z', 'en', now)).toBe('now');
  });
});
