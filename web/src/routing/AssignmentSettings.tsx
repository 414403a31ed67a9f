import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { api, reason } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { FieldErrors } from '../admin/rules/RoutingRules';
import { errorsAt, fieldErrors, type FieldError } from '../admin/rules/ruleForm';
import { groupsOf, useStaff, type Colleague } from '../tickets/staff';
import {
  agentFormOf, agentRequestOf, AGENT_STATUSES, groupFormOf, groupRequestOf, ifMatch, LOAD_MEASURES, STRATEGIES, WEEKDAYS,
  type AgentForm, type AgentProfile, type AgentStatus, type GroupAssignment, type GroupForm,
} from './agentSettings';
import { isConflict } from './SlaSettings';
import { timeZones } from './slaForm';

/**
 * Assignment (routing-service): each group's strategy (manual, round robin, least loaded) with its load measure,
 * skill and language matching and cap; and the agents' skills, languages, capacity, time zone, weekly schedule,
 * status and groups. Admins and team leads change them (routing-service docs/permissions.md).
 */
export function AssignmentSettings() {
  const { t } = useI18n();
  const staff = useStaff();
  const groups = useMemo(() => groupsOf(staff), [staff]);
  const agents = useMemo(() => staff.filter((member) => member.role !== 'customer'), [staff]);
  const [settings, setSettings] = useState<Record<string, GroupAssignment>>({});
  const [profiles, setProfiles] = useState<Record<string, AgentProfile> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Colleague | null>(null);
  const [generation, setGeneration] = useState(0);

  const readGroups = useCallback(async () => {
    const read = await Promise.all(groups.map((group) => api.GET('/api/routing/groups/{groupId}/assignment', { params: { path: { groupId: group } } })));
    const found: Record<string, GroupAssignment> = {};
    read.forEach((answer, index) => { if (answer.data) found[groups[index]!] = answer.data; });
    const refused = read.find((answer) => answer.error);
    if (refused) setError(reason(refused.error, t('common.failed')));
    setSettings(found);
  }, [groups, t]);
  const readAgents = useCallback(async () => {
    const { data, error: refused } = await api.GET('/api/routing/agents');
    if (refused) setError(reason(refused, t('common.failed')));
    setProfiles(Object.fromEntries((data ?? []).map((profile) => [profile.agentId ?? '', profile])));
  }, [t]);
  useEffect(() => { void readGroups(); }, [readGroups]);
  useEffect(() => { void readAgents(); }, [readAgents]);

  const said = (message: string) => { setError(null); setNotice(message); };

  return (
    <>
      <h1>{t('assign.title')}</h1>
      <p className="hint">{t('assign.intro')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      <section aria-labelledby="assign-groups-title" data-testid="assignment-groups">
        <h2 id="assign-groups-title" className="section-title">{t('assign.groups')}</h2>
        {groups.length === 0 ? <p className="empty">{t('assign.noGroups')}</p> : (
          <div className="group-cards">
            {groups.map((group) => (
              <GroupCard key={`${group}:${settings[group]?.version ?? 'none'}:${generation}`} group={group} stored={settings[group]}
                onSaved={(saved) => { setSettings((current) => ({ ...current, [group]: saved })); said(t('assign.groupSaved', { group })); }}
                onReload={async () => { await readGroups(); setGeneration((n) => n + 1); }} />
            ))}
          </div>
        )}
      </section>

      <div className="assignment-agents">
        <section className="card table-card" aria-labelledby="assign-agents-title" data-testid="assignment-agents">
          <h2 id="assign-agents-title" className="section-title">{t('assign.agents')}</h2>
          {profiles === null ? <p className="empty">{t('common.loading')}</p> : (
            <table className="table">
              <thead><tr><th>{t('admin.name')}</th><th>{t('assign.status')}</th><th>{t('assign.groupsOf')}</th><th>{t('assign.skills')}</th>
                <th>{t('assign.languages')}</th><th>{t('assign.capacity')}</th><th>{t('assign.timeZone')}</th><th><span className="visually-hidden">{t('slaAdmin.actions')}</span></th></tr></thead>
              <tbody>
                {agents.map((agent) => {
                  const profile = profiles[agent.id];
                  const status = profile?.status ?? 'offline';
                  return (
                    <tr key={agent.id} data-testid={`agent-${agent.id}`}>
                      <td>{agent.name}</td>
                      <td><span className={`availability-dot ${status}`} aria-hidden="true" /> {t(`availability.${status}`)}</td>
                      <td>{(profile?.groups ?? []).join(', ') || '—'}</td>
                      <td>{(profile?.skills ?? []).join(', ') || '—'}</td>
                      <td>{(profile?.languages ?? []).join(', ') || '—'}</td>
                      <td>{profile?.capacity ?? '—'}</td>
                      <td>{profile?.timeZone ?? 'UTC'}</td>
                      <td><button type="button" className="button small" aria-label={t('assign.editAgent', { name: agent.name })}
                        onClick={() => setEditing(agent)}>{t('slaAdmin.edit')}</button></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </section>
        {editing && profiles && (
          <AgentEditor key={`${editing.id}:${generation}`} agent={editing} profile={profiles[editing.id]} groups={groups}
            onDone={(saved) => { setProfiles((current) => ({ ...current, [editing.id]: saved })); setEditing(null); said(t('assign.agentSaved', { name: editing.name })); }}
            onCancel={() => setEditing(null)}
            onReload={async () => { await readAgents(); setGeneration((n) => n + 1); }} />
        )}
      </div>
    </>
  );
}

/** A group's strategy, saved on its own. */
function GroupCard({ group, stored, onSaved, onReload }: {
  group: string; stored: GroupAssignment | undefined; onSaved: (saved: GroupAssignment) => void; onReload: () => void;
}) {
  const { t } = useI18n();
  const base = useId();
  const [form, setForm] = useState<GroupForm>(groupFormOf(stored));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (part: Partial<GroupForm>) => setForm((current) => ({ ...current, ...part }));
  const at = (path: string) => errorsAt(errors, path);
  const aria = (path: string) => ({ 'aria-invalid': at(path).length ? true : undefined, 'aria-describedby': at(path).length ? `${base}-${path}-error` : undefined });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setRefusal(null);
    setConflict(false);
    const { data, error: refused } = await api.PUT('/api/routing/groups/{groupId}/assignment', {
      params: { path: { groupId: group }, header: ifMatch(stored?.version) }, body: groupRequestOf(form),
    });
    setBusy(false);
    if (data) onSaved(data);
    else if (isConflict(refused)) setConflict(true);
    else {
      setErrors(fieldErrors(refused));
      setRefusal(reason(refused, t('common.failed')));
    }
  };
  const automatic = form.strategy !== 'manual';
  return (
    <form className="card group-card" aria-labelledby={`${base}-title`} onSubmit={(event) => void save(event)} noValidate data-testid={`group-${group}`}>
      <h3 id={`${base}-title`}>{t('assign.groupTitle', { group })}</h3>
      {conflict && <div className="error" role="alert"><p>{t('assign.conflict')}</p>
        <button type="button" className="button small" onClick={onReload}>{t('slaAdmin.reload')}</button></div>}
      {refusal && !errors.length && <p className="error" role="alert">{refusal}</p>}
      <div className="field"><label htmlFor={`${base}-strategy`}>{t('assign.strategy')}</label>
        <select id={`${base}-strategy`} value={form.strategy} {...aria('strategy')} onChange={(e) => set({ strategy: e.target.value as GroupForm['strategy'] })}>
          {STRATEGIES.map((strategy) => <option key={strategy} value={strategy}>{t(`assign.strategy.${strategy}`)}</option>)}
        </select><FieldErrors id={`${base}-strategy-error`} messages={at('strategy')} /></div>
      {automatic && (
        <>
          {form.strategy === 'least_loaded' && (
            <div className="field"><label htmlFor={`${base}-load`}>{t('assign.loadMeasure')}</label>
              <select id={`${base}-load`} value={form.loadMeasure} {...aria('loadMeasure')} onChange={(e) => set({ loadMeasure: e.target.value as GroupForm['loadMeasure'] })}>
                {LOAD_MEASURES.map((measure) => <option key={measure} value={measure}>{t(`assign.load.${measure}`)}</option>)}
              </select><FieldErrors id={`${base}-loadMeasure-error`} messages={at('loadMeasure')} /></div>
          )}
          <label className="check"><input type="checkbox" checked={form.matchSkills} onChange={(e) => set({ matchSkills: e.target.checked })} />{t('assign.matchSkills')}</label>
          <label className="check"><input type="checkbox" checked={form.matchLanguage} onChange={(e) => set({ matchLanguage: e.target.checked })} />{t('assign.matchLanguage')}</label>
          <div className="field"><label htmlFor={`${base}-cap`}>{t('assign.cap')}</label>
            <input id={`${base}-cap`} type="number" min={1} className="narrow" value={form.maxOpenPerAgent} {...aria('maxOpenPerAgent')}
              placeholder={t('assign.noCap')} onChange={(e) => set({ maxOpenPerAgent: e.target.value })} />
            <FieldErrors id={`${base}-maxOpenPerAgent-error`} messages={at('maxOpenPerAgent')} /></div>
        </>
      )}
      <button type="submit" className="button primary small" disabled={busy}>{t('assign.saveGroup', { group })}</button>
    </form>
  );
}

function AgentEditor({ agent, profile, groups, onDone, onCancel, onReload }: {
  agent: Colleague; profile: AgentProfile | undefined; groups: string[]; onDone: (saved: AgentProfile) => void; onCancel: () => void; onReload: () => void;
}) {
  const { t } = useI18n();
  const base = useId();
  const [form, setForm] = useState<AgentForm>(agentFormOf(profile ?? { agentId: agent.id }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (part: Partial<AgentForm>) => setForm((current) => ({ ...current, ...part }));
  const at = (path: string) => errorsAt(errors, path);
  const aria = (path: string) => ({ 'aria-invalid': at(path).length ? true : undefined, 'aria-describedby': at(path).length ? `${base}-${path}-error` : undefined });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setRefusal(null);
    setConflict(false);
    const { data, error: refused } = await api.PUT('/api/routing/agents/{agentId}', {
      params: { path: { agentId: agent.id }, header: ifMatch(profile?.version) }, body: agentRequestOf(form, null),
    });
    setBusy(false);
    if (data) onDone(data);
    else if (isConflict(refused)) setConflict(true);
    else {
      setErrors(fieldErrors(refused));
      setRefusal(reason(refused, t('common.failed')));
    }
  };
  const allGroups = [...groups, ...form.groups.filter((group) => !groups.includes(group))];
  return (
    <form className="card rule-editor" aria-labelledby={`${base}-title`} onSubmit={(event) => void save(event)} noValidate data-testid="agent-editor">
      <h2 id={`${base}-title`}>{t('assign.agentTitle', { name: agent.name })}</h2>
      {conflict && <div className="error" role="alert"><p>{t('assign.conflictAgent')}</p>
        <button type="button" className="button small" onClick={onReload}>{t('slaAdmin.reload')}</button></div>}
      {refusal && (
        <div className="error" role="alert"><p>{errors.length ? t('slaAdmin.invalid') : refusal}</p>
          {errors.length > 0 && <ul>{errors.map((error) => <li key={error.field + error.message}><code>{error.field}</code>: {error.message}</li>)}</ul>}</div>
      )}
      <fieldset disabled={busy} className="plain">
        <div className="field"><label htmlFor={`${base}-status`}>{t('assign.status')}</label>
          <select id={`${base}-status`} value={form.status} {...aria('status')} onChange={(e) => set({ status: e.target.value as AgentStatus })}>
            {AGENT_STATUSES.map((status) => <option key={status} value={status}>{t(`availability.${status}`)}</option>)}
          </select><FieldErrors id={`${base}-status-error`} messages={at('status')} /></div>
        <fieldset className="field">
          <legend>{t('assign.groupsOf')}</legend>
          <div className="checks">
            {allGroups.map((group) => (
              <label key={group} className="row"><input type="checkbox" checked={form.groups.includes(group)}
                onChange={(e) => set({ groups: e.target.checked ? [...form.groups, group] : form.groups.filter((each) => each !== group) })} />{group}</label>
            ))}
          </div>
          <FieldErrors id={`${base}-groups-error`} messages={at('groups')} />
        </fieldset>
        <div className="field"><label htmlFor={`${base}-skills`}>{t('assign.skills')}</label>
          <input id={`${base}-skills`} value={form.skills} placeholder={t('rules.commaSeparated')} {...aria('skills')} onChange={(e) => set({ skills: e.target.value })} />
          <FieldErrors id={`${base}-skills-error`} messages={at('skills')} /></div>
        <div className="field"><label htmlFor={`${base}-languages`}>{t('assign.languages')}</label>
          <input id={`${base}-languages`} value={form.languages} placeholder="en, de" {...aria('languages')} onChange={(e) => set({ languages: e.target.value })} />
          <FieldErrors id={`${base}-languages-error`} messages={at('languages')} /></div>
        <div className="field"><label htmlFor={`${base}-capacity`}>{t('assign.capacity')}</label>
          <input id={`${base}-capacity`} type="number" min={0} className="narrow" value={form.capacity} placeholder={t('assign.noCap')} {...aria('capacity')}
            onChange={(e) => set({ capacity: e.target.value })} />
          <FieldErrors id={`${base}-capacity-error`} messages={at('capacity')} /></div>
        <div className="field"><label htmlFor={`${base}-zone`}>{t('assign.timeZone')}</label>
          <select id={`${base}-zone`} value={form.timeZone} {...aria('timeZone')} onChange={(e) => set({ timeZone: e.target.value })}>
            {timeZones(form.timeZone).map((zone) => <option key={zone} value={zone}>{zone}</option>)}
          </select><FieldErrors id={`${base}-timeZone-error`} messages={at('timeZone')} /></div>
        <fieldset className="field">
          <legend>{t('assign.schedule')}</legend>
          <p className="hint">{t('assign.scheduleHint')}</p>
          {WEEKDAYS.map((day) => (
            <div key={day} className="field">
              <label htmlFor={`${base}-${day}`}>{t(`slaAdmin.day.${day.toUpperCase() as 'MONDAY'}`)}</label>
              <input id={`${base}-${day}`} value={form.schedule[day] ?? ''} placeholder={day === 'monday' ? '09:00-12:00, 13:00-17:00' : undefined} {...aria(`schedule.${day}`)}
                onChange={(e) => set({ schedule: { ...form.schedule, [day]: e.target.value } })} />
              <FieldErrors id={`${base}-schedule.${day}-error`} messages={at(`schedule.${day}`)} />
            </div>
          ))}
          <FieldErrors id={`${base}-schedule-error`} messages={errors.filter((error) => error.field === 'schedule'
            || (error.field.startsWith('schedule.') && !WEEKDAYS.some((day) => error.field.startsWith(`schedule.${day}`)))).map((error) => error.message)} />
        </fieldset>
      </fieldset>
      <div className="row">
        <button type="submit" className="button primary" disabled={busy}>{t('common.save')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
