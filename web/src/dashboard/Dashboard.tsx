import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, reason } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { Chart } from './Chart';
import {
  agentSeries, backlogSeries, defaultRange, fillDays, qualitySeries, rangeProblem, slaSeries, timeSeries, totals, volumeSeries,
  type AgentWorkload, type MetricsTable, type Series,
} from './series';
import './dashboard.css';

interface Loaded {
  days: MetricsTable;
  groups: MetricsTable;
  agents: AgentWorkload;
  names: Map<string, string>;
}

/** The manager dashboard (team leads and admins): ticket metrics over a date range, as charts, tables and CSV. */
export default function Dashboard() {
  const { t, language } = useI18n();
  const [range, setRange] = useState(() => defaultRange(new Date()));
  const [draft, setDraft] = useState(range);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setError(null);
    const query = { from: range.from, to: range.to };
    Promise.all([
      api.GET('/api/metrics/tickets', { params: { query: { ...query, groupBy: 'day' } } }),
      api.GET('/api/metrics/tickets', { params: { query: { ...query, groupBy: 'group' } } }),
      api.GET('/api/metrics/agents', { params: { query } }),
      // names for ids; only admins may list them, so a team lead sees ids where a name is unknown
      api.GET('/api/admin/users').catch(() => ({ data: undefined })),
      api.GET('/api/admin/groups').catch(() => ({ data: undefined })),
    ]).then(([days, groups, agents, users, groupNames]) => {
      if (!current) return;
      const refused = days.error ?? groups.error ?? agents.error;
      if (refused || !days.data || !groups.data || !agents.data) {
        setError(reason(refused, t('common.failed')));
        return;
      }
      const names = new Map<string, string>();
      for (const entry of [...(users.data ?? []), ...(groupNames.data ?? [])] as { id?: string; name?: string }[]) {
        if (entry.id && entry.name) names.set(entry.id, entry.name);
      }
      setLoaded({
        days: days.data as unknown as MetricsTable,
        groups: groups.data as unknown as MetricsTable,
        agents: agents.data as unknown as AgentWorkload,
        names,
      });
    }, (failure: unknown) => current && setError(reason(failure, t('common.failed'))));
    return () => { current = false; };
  }, [range, t]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const problem = rangeProblem(draft.from, draft.to);
    if (problem) setError(t(`dashboard.range.${problem}` as MessageKey));
    else setRange({ ...draft });
  };

  const exportCsv = async (what: 'day' | 'group' | 'agents') => {
    const query = { from: range.from, to: range.to, format: 'csv' };
    const { data, error: refused } = what === 'agents'
      ? await api.GET('/api/metrics/agents', { params: { query }, parseAs: 'text' })
      : await api.GET('/api/metrics/tickets', { params: { query: { ...query, groupBy: what } }, parseAs: 'text' });
    if (refused || typeof data !== 'string') {
      setError(reason(refused, t('common.failed')));
      return;
    }
    const url = URL.createObjectURL(new Blob([data], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `metrics-${what}-${range.from}-${range.to}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  const charts = useMemo(() => {
    if (!loaded) return null;
    const days = fillDays(loaded.days.groups, range.from, range.to);
    const groupRows = loaded.groups.groups.map((row) => ({ ...row, key: loaded.names.get(row.key) ?? row.key }));
    return {
      days,
      total: totals(days),
      volume: volumeSeries(days),
      times: timeSeries(days),
      backlog: backlogSeries(days),
      quality: qualitySeries(days),
      sla: slaSeries(days),
      groupSla: slaSeries(groupRows),
      groupVolume: volumeSeries(groupRows),
      groupTimes: timeSeries(groupRows),
      agents: agentSeries(loaded.agents.agents, loaded.names),
      groupRows,
    };
  }, [loaded, range]);

  const names = useMemo(() => Object.fromEntries(
    ['created', 'resolved', 'firstResponseMedian', 'firstResponseP90', 'resolutionMedian', 'resolutionP90', 'backlog',
      'backlogAge', 'reopenRate', 'csatSatisfied', 'open', 'firstResponseSla', 'resolutionSla'].map((key) => [key, t(`dashboard.set.${key}` as MessageKey)]),
  ), [t]);
  const hoursAxis = useMemo(() => ['backlogAge'], []);
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <form className="filters" onSubmit={apply} aria-label={t('dashboard.range')}>
        <label className="row">{t('dashboard.from')}
          <input type="date" value={draft.from} required onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </label>
        <label className="row">{t('dashboard.to')}
          <input type="date" value={draft.to} required onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </label>
        <button className="button primary" type="submit">{t('dashboard.show')}</button>
        <span className="spacer" />
        <button className="button" type="button" onClick={() => void exportCsv('day')}>{t('dashboard.csv.day')}</button>
        <button className="button" type="button" onClick={() => void exportCsv('group')}>{t('dashboard.csv.group')}</button>
        <button className="button" type="button" onClick={() => void exportCsv('agents')}>{t('dashboard.csv.agents')}</button>
      </form>
      {error && <div className="error" role="alert">{error}</div>}
      {!charts ? (!error && <p className="empty">{t('common.loading')}</p>) : (
        <>
          <div className="dashboard-tiles">
            <Tile label={t('dashboard.set.created')} value={number.format(charts.total.created)} />
            <Tile label={t('dashboard.set.resolved')} value={number.format(charts.total.resolved)} />
            <Tile label={t('dashboard.set.backlog')} value={number.format(charts.total.backlog)} />
            <Tile label={t('dashboard.agents')} value={number.format(loaded!.agents.agents.length)} />
          </div>
          <div className="dashboard-grid">
            <Panel title={t('dashboard.volume')} kind="bar" series={charts.volume} names={names} />
            <Panel title={t('dashboard.times')} kind="line" series={charts.times} names={names} />
            <Panel title={t('dashboard.backlog')} kind="bar" series={charts.backlog} names={names} right={hoursAxis} />
            <Panel title={t('dashboard.quality')} kind="line" series={charts.quality} names={names} />
            <Panel title={t('dashboard.sla')} kind="line" series={charts.sla} names={names} />
            <Panel title={t('dashboard.slaByGroup')} kind="bar" series={charts.groupSla} names={names} />
            <Panel title={t('dashboard.byGroup')} kind="bar" series={charts.groupVolume} names={names} />
            <Panel title={t('dashboard.timesByGroup')} kind="bar" series={charts.groupTimes} names={names} />
            <Panel title={t('dashboard.byAgent')} kind="bar" series={charts.agents} names={names} />
          </div>
        </>
      )}
    </>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  return <div className="card dashboard-tile"><span className="muted">{label}</span><strong>{value}</strong></div>;
}

/** A chart with its figures as a table below (collapsed), the accessible reading of the same data. */
function Panel({ title, names, ...chart }: { title: string; kind: 'bar' | 'line'; series: Series; names: Record<string, string>; right?: string[] }) {
  const { t, language } = useI18n();
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {chart.series.labels.length === 0 ? <p className="empty">{t('dashboard.nothing')}</p>
        : <Chart {...chart} names={names} label={title} />}
      <details className="dashboard-figures">
        <summary>{t('dashboard.figures')}</summary>
        <table className="table">
          <thead><tr><th scope="col">{t('dashboard.key')}</th>
            {chart.series.sets.map((set) => <th scope="col" key={set.key}>{names[set.key]}</th>)}</tr></thead>
          <tbody>
            {chart.series.labels.map((label, index) => (
              <tr key={label}><th scope="row">{label}</th>
                {chart.series.sets.map((set) => {
                  const value = set.values[index];
                  return <td key={set.key}>{value === null || value === undefined ? '–' : number.format(value)}</td>;
                })}</tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
