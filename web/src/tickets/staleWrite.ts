import type { Entry } from './tickets';

// Writes carry the version the agent saw as If-Match; ticket-service refuses a write against an older version
// with 409 and the current version, so two agents never overwrite each other silently.

/** The ticket's version as its history tells it: the sequence of its last event. */
export function versionOf(history: Entry[] | null): number | undefined {
  if (!history || history.length === 0) return undefined;
  return Math.max(...history.map((entry) => entry.sequence));
}

export interface Stale {
  expected: number;
  current: number;
}

/** A refusal because someone else changed the ticket first, or null for any other answer. */
export function staleWrite(status: number, problem: unknown): Stale | null {
  if (status !== 409 || !problem || typeof problem !== 'object') return null;
  const { currentVersion, expectedVersion } = problem as { currentVersion?: unknown; expectedVersion?: unknown };
  if (typeof currentVersion !== 'number' || typeof expectedVersion !== 'number') return null;
  return { expected: expectedVersion, current: currentVersion };
}

/** What happened after the version the agent worked on. */
export function changesSince(history: Entry[], version: number): Entry[] {
  return history.filter((entry) => entry.sequence > version);
}

export function ifMatch(version: number | undefined): Record<string, string> {
  return version === undefined ? {} : { 'If-Match': `"${version}"` };
}
