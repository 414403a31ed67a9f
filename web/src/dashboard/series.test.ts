import { agentSeries, daysBetween, fillDays, qualitySeries, rangeProblem, timeSeries, totals, volumeSeries, type MetricsRow } from './series';

const row = (key: string, patch: Partial<MetricsRow> = {}): MetricsRow => ({
  key, created: 0, resolved: 0, firstResponseMedianSeconds: null, firstResponseP90Seconds: null,
  resolutionMedianSeconds: null, resolutionP90Seconds: null, reopenRate: null, csatAverage: null,
  csatSatisfiedPercent: null, backlog: 0, backlogAgeMedianHours: null, ...patch,
});

describe('dashboard series', () => {
  it('fills the days the API has no row for, so a quiet day shows as zero and not as a missing bar', () => {
    const days = fillDays([row('2026-11-01', { created: 3 }), row('2026-11-03', { created: 1, resolved: 2 })], '2026-11-01', '2026-11-04');
    expect(volumeSeries(days)).toEqual({
      labels: ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'],
      sets: [{ key: 'created', values: [3, 0, 1, 0] }, { key: 'resolved', values: [0, 0, 2, 0] }],
    });
  });

  it('crosses month ends and leap days', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('shows times in hours and keeps a day without a measurement as a gap', () => {
    const series = timeSeries([row('d1', { firstResponseMedianSeconds: 5400, firstResponseP90Seconds: 7200 }), row('d2')]);
    expect(series.sets[0]).toEqual({ key: 'firstResponseMedian', values: [1.5, null] });
    expect(series.sets[1]).toEqual({ key: 'firstResponseP90', values: [2, null] });
    expect(series.sets[2]!.values).toEqual([null, null]);
  });

  it('shows the reopen rate as a percentage', () => {
    expect(qualitySeries([row('d', { reopenRate: 0.125, csatSatisfiedPercent: 80 })]).sets)
      .toEqual([{ key: 'reopenRate', values: [12.5] }, { key: 'csatSatisfied', values: [80] }]);
  });

  it('names agents where known and puts the busiest first', () => {
    const agent = (agentId: string, open: number, resolved: number) => ({
      agentId, open, resolved, openByStatus: {}, openByPriority: {}, oldestOpenAgeHours: null,
      firstResponseMedianSeconds: null, resolutionMedianSeconds: null, rated: 0, csatAverage: null, csatSatisfiedPercent: null,
    });
    const series = agentSeries([agent('a', 1, 0), agent('b', 2, 5)], new Map([['b', 'Bea']]));
    expect(series.labels).toEqual(['Bea', 'a']);
    expect(series.sets).toEqual([{ key: 'open', values: [2, 1] }, { key: 'resolved', values: [5, 0] }]);
  });

  it('sums counts over the range', () => {
    expect(totals([row('a', { created: 2, resolved: 1, backlog: 1 }), row('b', { created: 3, backlog: 2 })]))
      .toEqual({ created: 5, resolved: 1, backlog: 3 });
  });

  it('refuses a range the API would refuse, before asking', () => {
    expect(rangeProblem('2026-11-01', '2026-11-30')).toBeNull();
    expect(rangeProblem('2026-11-30', '2026-11-01')).toBe('reversed');
    expect(rangeProblem('2025-01-01', '2026-11-01')).toBe('tooLong');
    expect(rangeProblem('yesterday', '2026-11-01')).toBe('invalid');
  });
});
