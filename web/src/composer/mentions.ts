/** Someone an agent can mention: a colleague of the tenant. */
export interface Person {
  id: string;
  name: string;
  email?: string;
}

/**
 * The mention being typed: the word after an '@' that starts the text or follows a space, up to the caret.
 * Null when the caret is not in one (an email address such as a@b is not a mention).
 */
export function mentionQuery(beforeCaret: string): string | null {
  const match = /(?:^|\s)@([\p{L}\p{N}._-]{0,40})$/u.exec(beforeCaret);
  return match ? (match[1] ?? '') : null;
}

const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Colleagues matching what was typed: names starting with it first, then any word of name or email; at most 8. */
export function suggest(people: Person[], query: string, limit = 8): Person[] {
  const q = fold(query);
  const score = (person: Person): number => {
    const name = fold(person.name);
    if (name.startsWith(q)) return 0;
    if (name.split(/\s+/).some((word) => word.startsWith(q))) return 1;
    if (person.email && fold(person.email).startsWith(q)) return 2;
    return -1;
  };
  return people
    .map((person) => ({ person, rank: score(person) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name))
    .slice(0, limit)
    .map((entry) => entry.person);
}

/** The ids of the people a message mentions, once each, from the mention marks the composer puts in. */
export function mentionsIn(html: string): string[] {
  const ids = new Set<string>();
  for (const match of html.matchAll(/data-mention="([^"]+)"/g)) if (match[1]) ids.add(match[1]);
  return [...ids];
}
