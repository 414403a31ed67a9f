import { describe, expect, it } from 'vitest';
import { en } from '../i18n/messages.en';
import { describeChange, hasActions } from './macros';

const t = (key: keyof typeof en, params: Record<string, string | number> = {}) =>
  en[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

describe('macros in the composer', () => {
  it('counts a canned response as a macro only when it does more than insert text', () => {
    expect(hasActions(null)).toBe(false);
    expect(hasActions({ setStatus: null, addTags: [], removeTags: null, internalNote: false })).toBe(false);
    expect(hasActions({ addTags: ['vendor'] })).toBe(true);
    expect(hasActions({ internalNote: true })).toBe(true);
    expect(hasActions({ assignAgentId: 'me' })).toBe(true);
  });

  it('describes each change in words, statuses translated and agents by name', () => {
    expect(describeChange({ kind: 'status', from: 'OPEN', to: 'PENDING' }, t)).toBe('Status: Open → Pending');
    expect(describeChange({ kind: 'priority', from: 'HIGH', to: 'P0' }, t)).toBe('Priority: High → P0');
    expect(describeChange({ kind: 'addTag', to: 'vendor' }, t)).toBe('Add tag “vendor”');
    expect(describeChange({ kind: 'removeTag', to: 'waiting' }, t)).toBe('Remove tag “waiting”');
    expect(describeChange({ kind: 'agent', from: null, to: 'u1' }, t, (id) => (id === 'u1' ? 'Alex Kim' : undefined)))
      .toBe('Assign to Alex Kim');
    expect(describeChange({ kind: 'group', to: 'tier-2' }, t)).toBe('Assign to group tier-2');
  });
});
