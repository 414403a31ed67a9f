import { describe, expect, it } from 'vitest';
import { changesSince, ifMatch, staleWrite, versionOf } from './staleWrite';
import type { Entry } from './tickets';

const at = (sequence: number, type = 'autocrm.ticket.status_changed.v1'): Entry =>
  ({ sequence, type, at: '2026-11-22T09:00:00Z', by: null, data: {} });

describe('a stale write', () => {
  it('is recognised by its 409 naming the current and the expected version, and nothing else is', () => {
    expect(staleWrite(409, { currentVersion: 7, expectedVersion: 5, detail: 'at version 7' })).toEqual({ expected: 5, current: 7 });
    expect(staleWrite(409, { detail: 'Cannot move from CLOSED to OPEN' })).toBeNull();
    expect(staleWrite(403, { currentVersion: 7, expectedVersion: 5 })).toBeNull();
    expect(staleWrite(409, undefined)).toBeNull();
  });

  it('sends the version of the last event the agent saw, and shows what came after it', () => {
    const history = [at(0), at(1), at(2), at(3)];
    expect(versionOf(history)).toBe(3);
    expect(versionOf([])).toBeUndefined();
    expect(ifMatch(3)).toEqual({ 'If-Match': '"3"' });
    expect(ifMatch(undefined)).toEqual({});
    expect(changesSince(history, 1).map((entry) => entry.sequence)).toEqual([2, 3]);
  });
});
