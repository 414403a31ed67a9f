import { describe, expect, it } from 'vitest';
import { mentionQuery, mentionsIn, suggest, type Person } from './mentions';

const people: Person[] = [
  { id: '1', name: 'Ada Lovelace', email: 'ada@acme.test' },
  { id: '2', name: 'Jürgen Adams', email: 'j.adams@acme.test' },
  { id: '3', name: 'Grace Hopper', email: 'grace@acme.test' },
  { id: '4', name: 'Bob', email: 'admin@acme.test' },
];

describe('mentions', () => {
  it('finds the mention being typed at the caret', () => {
    expect(mentionQuery('@')).toBe('');
    expect(mentionQuery('thanks @Ad')).toBe('Ad');
    expect(mentionQuery('thanks @Ada and')).toBeNull();
    expect(mentionQuery('mail ada@acme')).toBeNull();
    expect(mentionQuery('hi\u00a0@gr')).toBe('gr');
  });

  it('suggests names starting with it first, then a later word, then the email, ignoring case and accents', () => {
    expect(suggest(people, 'ad').map((p) => p.id)).toEqual(['1', '2', '4']);
    expect(suggest(people, 'jur').map((p) => p.id)).toEqual(['2']);
    expect(suggest(people, 'zz')).toEqual([]);
    expect(suggest(people, '').length).toBe(4);
    expect(suggest(people, '', 2).length).toBe(2);
  });

  it('reads the mentioned people from the message, once each', () => {
    expect(mentionsIn('<span data-mention="1">@Ada</span> and <span data-mention="3">@Grace</span> <span data-mention="1">@Ada</span>'))
      .toEqual(['1', '3']);
    expect(mentionsIn('<p>@Ada typed but not picked</p>')).toEqual([]);
  });
});
