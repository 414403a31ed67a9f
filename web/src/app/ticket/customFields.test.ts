import { describe, expect, it } from 'vitest';
import { changedFields, checkField, type FieldDef } from './customFields';

const def = (type: string, extra: Partial<FieldDef> = {}): FieldDef =>
  ({ key: 'k', label: 'K', type, required: false, options: [], ...extra });

describe('custom field validation', () => {
  it('applies the types the service applies', () => {
    expect(checkField(def('NUMBER'), '12.5')).toEqual({ value: 12.5 });
    expect(checkField(def('NUMBER'), '12a')).toEqual({ problem: 'number' });
    expect(checkField(def('DATE'), '2026-11-22')).toEqual({ value: '2026-11-22' });
    expect(checkField(def('DATE'), '2026-02-30')).toEqual({ problem: 'date' });
    expect(checkField(def('DROPDOWN', { options: ['a', 'b'] }), 'c')).toEqual({ problem: 'option' });
    expect(checkField(def('MULTI_SELECT', { options: ['a', 'b'] }), ['a', 'a', 'b'])).toEqual({ value: ['a', 'b'] });
    expect(checkField(def('CHECKBOX'), true)).toEqual({ value: true });
    expect(checkField(def('TEXT'), 'x'.repeat(10_001))).toEqual({ problem: 'tooLong' });
  });

  it('refuses to clear a required field and clears an optional one', () => {
    expect(checkField(def('TEXT', { required: true }), '  ')).toEqual({ problem: 'required' });
    expect(checkField(def('TEXT'), '')).toEqual({ value: null });
  });

  it('sends only what changed', () => {
    const defs = [def('TEXT', { key: 'a' }), def('NUMBER', { key: 'b' })];
    expect(changedFields(defs, { a: 'same', b: '3' }, { a: 'same', b: 2 })).toEqual({ changes: { b: 3 }, problems: {} });
    expect(changedFields(defs, { b: 'x' }, { a: 'same' }).problems).toEqual({ b: 'number' });
  });
});
