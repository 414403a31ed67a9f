import { describe, expect, it } from 'vitest';
import { fillDays, slaSeries, type MetricsRow } from './series';

const row = (key: string, patch: Partial<MetricsRow> = {}): MetricsRow => ({
  key, created: 0, resolved: 0, firstResponseMedianSeconds: null, firstResponseP90Seconds: null,
  resolutionMedianSeconds: null, resolutionP90Seconds: null, reopenRate: null, csatAverage: null,
  csatSatisfiedPercent: null, backlog: 0, backlogAgeMedianHours: null, ...patch,
});

describe('SLA compliance on the dashboard', () => {
  it('shows first-response and resolution SLA met in percent, a day with nothing decided as a gap', () => {
    const days = fillDays([row('2026-12-01', { firstResponseSlaPercent: 87.5, resolutionSlaPercent: 100 }),
      row('2026-12-02', { firstResponseSlaPercent: null })], '2026-12-01', '2026-12-03');
    expect(slaSeries(days)).toEqual({
      labels: ['2026-12-01', '2026-12-02', '2026-12-03'],
      sets: [{ key: 'firstResponseSla', values: [87.5, null, null] }, { key: 'resolutionSla', values: [100, null, null] }],
    });
  });
});
