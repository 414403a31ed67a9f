// Turns the query-service's metrics (GET /api/metrics/tickets, /api/metrics/agents) into what the charts draw.
// Pure functions, so the shaping is tested without a canvas.

/** One row of GET /api/metrics/tickets (MetricsRow): times in seconds, backlog age in hours, null = nothing measured. */
export interface MetricsRow {
  key: string;
  created: number;
  resolved: number;
  firstResponseMedianSeconds: number | null;
  firstResponseP90Seconds: number | null;
  resolutionMedianSeconds: number | null;
  resolutionP90Seconds: number | null;
  reopenRate: number | null;
  csatAverage: number | null;
  csatSatisfiedPercent: number | null;
  backlog: number;
  backlogAgeMedianHours: number | null;
  /** SLA compliance, 0-100: of the tickets whose target was decided in the range, the share met; null = none decided */
  firstResponseSlaPercent?: number | null;
  resolutionSlaPercent?: number | null;
}

export interface MetricsTable {
  from: string;
  to: string;
  groupBy: string;
  groups: MetricsRow[];
}

/** One row of GET /api/metrics/agents (AgentWorkloadRow). */
export interface AgentRow {
  agentId: string;
  open: number;
  openByStatus: Record<string, number>;
  openByPriority: Record<string, number>;
  oldestOpenAgeHours: number | null;
  resolved: number;
  firstResponseMedianSeconds: number | null;
  resolutionMedianSeconds: number | null;
  rated: number;
  csatAverage: number | null;
  csatSatisfiedPercent: number | null;
}

export interface AgentWorkload {
  from: string;
  to: string;
  agents: AgentRow[];
}

/** A chart's x labels and its named lines or bars; a null value is a gap, not a zero. */
export interface Series {
  labels: string[];
  sets: { key: string; values: (number | null)[] }[];
}

const hours = (seconds: number | null): number | null => (seconds === null ? null : round(seconds / 3600));
const round = (value: number): number => Math.round(value * 100) / 100;

/** Days from..to inclusive (UTC, yyyy-mm-dd); the API leaves out days without any ticket, a chart must not. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let day = Date.parse(`${from}T00:00:00Z`); day <= end && days.length <= 366; day += 86_400_000) {
    days.push(new Date(day).toISOString().slice(0, 10));
  }
  return days;
}

/** The rows by day over the whole range, days the API has no row for as empty days (zero counts, no times). */
export function fillDays(rows: MetricsRow[], from: string, to: string): MetricsRow[] {
  const byDay = new Map(rows.map((row) => [row.key, row]));
  return daysBetween(from, to).map((day) => byDay.get(day) ?? {
    key: day, created: 0, resolved: 0, firstResponseMedianSeconds: null, firstResponseP90Seconds: null,
    resolutionMedianSeconds: null, resolutionP90Seconds: null, reopenRate: null, csatAverage: null,
    csatSatisfiedPercent: null, backlog: 0, backlogAgeMedianHours: null, firstResponseSlaPercent: null, resolutionSlaPercent: null,
  });
}

export function volumeSeries(days: MetricsRow[]): Series {
  return {
    labels: days.map((row) => row.key),
    sets: [
      { key: 'created', values: days.map((row) => row.created) },
      { key: 'resolved', values: days.map((row) => row.resolved) },
    ],
  };
}

/** First-response and resolution times, median and 90th percentile, in hours. */
export function timeSeries(rows: MetricsRow[]): Series {
  return {
    labels: rows.map((row) => row.key),
    sets: [
      { key: 'firstResponseMedian', values: rows.map((row) => hours(row.firstResponseMedianSeconds)) },
      { key: 'firstResponseP90', values: rows.map((row) => hours(row.firstResponseP90Seconds)) },
      { key: 'resolutionMedian', values: rows.map((row) => hours(row.resolutionMedianSeconds)) },
      { key: 'resolutionP90', values: rows.map((row) => hours(row.resolutionP90Seconds)) },
    ],
  };
}

export function backlogSeries(rows: MetricsRow[]): Series {
  return {
    labels: rows.map((row) => row.key),
    sets: [
      { key: 'backlog', values: rows.map((row) => row.backlog) },
      { key: 'backlogAge', values: rows.map((row) => row.backlogAgeMedianHours) },
    ],
  };
}

/** Reopen rate as a percentage (the API gives a fraction) and CSAT satisfied percent, both 0-100. */
export function qualitySeries(rows: MetricsRow[]): Series {
  return {
    labels: rows.map((row) => row.key),
    sets: [
      { key: 'reopenRate', values: rows.map((row) => (row.reopenRate === null ? null : round(row.reopenRate * 100))) },
      { key: 'csatSatisfied', values: rows.map((row) => row.csatSatisfiedPercent) },
    ],
  };
}

/** SLA compliance: first-response and resolution targets met, in percent; a range without decided targets is a gap. */
export function slaSeries(rows: MetricsRow[]): Series {
  return {
    labels: rows.map((row) => row.key),
    sets: [
      { key: 'firstResponseSla', values: rows.map((row) => row.firstResponseSlaPercent ?? null) },
      { key: 'resolutionSla', values: rows.map((row) => row.resolutionSlaPercent ?? null) },
    ],
  };
}

/** Per agent, by name where known, busiest first: open now and resolved in the range. */
export function agentSeries(agents: AgentRow[], names: Map<string, string>): Series {
  const sorted = [...agents].sort((a, b) => b.open + b.resolved - (a.open + a.resolved) || a.agentId.localeCompare(b.agentId));
  return {
    labels: sorted.map((agent) => names.get(agent.agentId) ?? agent.agentId),
    sets: [
      { key: 'open', values: sorted.map((agent) => agent.open) },
      { key: 'resolved', values: sorted.map((agent) => agent.resolved) },
    ],
  };
}

/** Totals over the range; medians cannot be summed, so the range's figures are the per-day values' spread. */
export function totals(days: MetricsRow[]): { created: number; resolved: number; backlog: number } {
  return days.reduce((sum, row) => ({
    created: sum.created + row.created,
    resolved: sum.resolved + row.resolved,
    backlog: sum.backlog + row.backlog,
  }), { created: 0, resolved: 0, backlog: 0 });
}

/** The default range: the 30 days up to today (UTC). */
export function defaultRange(now: Date): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** A range the API accepts with groupBy=day: both days, from not after to, at most 366 days. */
export function rangeProblem(from: string, to: string): 'invalid' | 'reversed' | 'tooLong' | null {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(from) || !day.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) return 'invalid';
  if (from > to) return 'reversed';
  if (daysBetween(from, to).length > 366) return 'tooLong';
  return null;
}
