import { describe, expect, it } from 'vitest';
import { neighbourOf, shortcutOf } from './shortcuts';

const key = (k: string, target: Partial<HTMLElement> = { tagName: 'BODY' }, modifiers = {}) =>
  ({ key: k, ctrlKey: false, altKey: false, metaKey: false, target: target as EventTarget, ...modifiers });

describe('keyboard shortcuts', () => {
  it('are keys pressed outside fields without modifiers', () => {
    expect(shortcutOf(key('j'))).toBe('j');
    expect(shortcutOf(key('?'))).toBe('?');
    expect(shortcutOf(key('j', { tagName: 'TEXTAREA' }))).toBeNull();
    expect(shortcutOf(key('j', { tagName: 'INPUT' }))).toBeNull();
    expect(shortcutOf(key('j', { tagName: 'DIV', isContentEditable: true }))).toBeNull();
    expect(shortcutOf(key('r', { tagName: 'BODY' }, { ctrlKey: true }))).toBeNull();
  });

  it('go to the next and previous ticket of the queue as it was loaded', () => {
    const order = ['a', 'b', 'c'];
    expect(neighbourOf('b', 1, order)).toBe('c');
    expect(neighbourOf('b', -1, order)).toBe('a');
    expect(neighbourOf('c', 1, order)).toBeNull();
    expect(neighbourOf('x', 1, order)).toBeNull();
  });
});
