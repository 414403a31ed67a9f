import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { api, reason } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { ConditionsEditor, FieldErrors, useVocabulary, type Vocabulary } from '../admin/rules/RoutingRules';
import { errorsAt, fieldErrors, type FieldError } from '../admin/rules/ruleForm';
import {
  BASES, BREACH_TYPES, calendarFormOf, calendarRequestOf, DAYS, duration, emptyCalendar, emptyPolicy, METRICS,
  policiesInOrder, policyFormOf, policyRequestOf, timeZones,
  type BreachType, type Calendar, type CalendarForm, type Policy, type PolicyForm,
} from './slaForm';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

export function isConflict(problem: unknown): boolean {
  const value = problem as { status?: number; code?: string } | null;
  return value?.status === 409 || value?.code === 'VERSION_CONFLICT';
}

/**
 * SLA settings (routing-service `/api/sla`): business calendars (time zone, opening hours per weekday, holidays,
 * the default, holidays imported from an iCalendar file) and policies (conditions as routing rules take them,
 * targets per priority, warning lead, breach actions). Admins change them; team leads read them.
 */
export function SlaSettings({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const [calendars, setCalendars] = useState<Calendar[] | null>(null);
  const [policies, setPolicies] = useState<Policy[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [calendar, setCalendar] = useState<{ id: string | null; version: number | null; form: CalendarForm } | null>(null);
  const [policy, setPolicy] = useState<{ id: string | null; version: number | null; form: PolicyForm } | null>(null);
  // a reload after a conflict starts the editor again on what is stored; an import only moves the version on
  const [generation, setGeneration] = useState(0);

  const reload = useCallback(async () => {
    const [c, p] = await Promise.all([api.GET('/api/sla/calendars'), api.GET('/api/sla/policies')]);
    if (c.error || p.error) setError(reason(c.error ?? p.error, t('common.failed')));
    setCalendars(c.data ?? []);
    setPolicies(policiesInOrder(p.data ?? []));
  }, [t]);
  useEffect(() => { void reload(); }, [reload]);

  const done = (message: string) => {
    setError(null);
    setNotice(message);
    void reload();
  };
  const calendarName = (id: string | null | undefined) => (id ? calendars?.find((each) => each.id === id)?.name ?? id
    : t('slaAdmin.defaultCalendar'));

  return (
    <>
      <h1>{t('slaAdmin.title')}</h1>
      <p className="hint">{canEdit ? t('slaAdmin.intro') : t('slaAdmin.readOnly')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}

      <div className="admin-layout rules-layout">
        <section className="card table-card" aria-labelledby="sla-calendars-title" data-testid="sla-calendars">
          <h2 id="sla-calendars-title" className="section-title">{t('slaAdmin.calendars')}</h2>
          {calendars === null ? <p className="empty">{t('common.loading')}</p> : calendars.length === 0 ? <p className="empty">{t('slaAdmin.noCalendars')}</p> : (
            <table className="table">
              <thead><tr><th>{t('admin.name')}</th><th>{t('slaAdmin.zone')}</th><th>{t('slaAdmin.holidays')}</th><th><span className="visually-hidden">{t('slaAdmin.actions')}</span></th></tr></thead>
              <tbody>
                {calendars.map((each) => (
                  <tr key={each.id}>
                    <td>{each.name}{each.default && <> <span className="badge">{t('slaAdmin.default')}</span></>}</td>
                    <td>{each.zone}</td>
                    <td>{(each.holidays ?? []).length}</td>
                    <td><button type="button" className="button small" aria-label={t(canEdit ? 'slaAdmin.editNamed' : 'slaAdmin.viewNamed', { name: each.name ?? '' })}
                      onClick={() => { setPolicy(null); setCalendar({ id: each.id ?? null, version: each.version ?? 0, form: calendarFormOf(each) }); }}>
                      {canEdit ? t('slaAdmin.edit') : t('slaAdmin.view')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {canEdit && !calendar && (
            <p><button type="button" className="button primary" onClick={() => { setPolicy(null); setCalendar({ id: null, version: null,
              form: emptyCalendar(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC') }); }}>{t('slaAdmin.newCalendar')}</button></p>
          )}

          <h2 id="sla-policies-title" className="section-title">{t('slaAdmin.policies')}</h2>
          {policies === null ? <p className="empty">{t('common.loading')}</p> : policies.length === 0 ? <p className="empty">{t('slaAdmin.noPolicies')}</p> : (
            <table className="table" aria-labelledby="sla-policies-title" data-testid="sla-policies">
              <thead><tr><th>{t('rules.order')}</th><th>{t('admin.name')}</th><th>{t('slaAdmin.calendar')}</th><th>{t('slaAdmin.targets')}</th><th><span className="visually-hidden">{t('slaAdmin.actions')}</span></th></tr></thead>
              <tbody>
                {policies.map((each) => (
                  <tr key={each.id} className={each.active === false ? 'muted' : undefined}>
                    <td>{each.position}</td>
                    <td>{each.name}{each.active === false && <> <span className="badge">{t('rules.off')}</span></>}</td>
                    <td>{calendarName(each.calendarId)}</td>
                    <td>{targetSummary(t, each)}</td>
                    <td><button type="button" className="button small" aria-label={t(canEdit ? 'slaAdmin.editNamed' : 'slaAdmin.viewNamed', { name: each.name ?? '' })}
                      onClick={() => { setCalendar(null); setPolicy({ id: each.id ?? null, version: each.version ?? 0, form: policyFormOf(each) }); }}>
                      {canEdit ? t('slaAdmin.edit') : t('slaAdmin.view')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {canEdit && !policy && (
            <p><button type="button" className="button primary" onClick={() => { setCalendar(null); setPolicy({ id: null, version: null,
              form: emptyPolicy(policies?.reduce((last, each) => Math.max(last, (each.position ?? 0) + 10), 0) ?? 0) }); }}>{t('slaAdmin.newPolicy')}</button></p>
          )}
        </section>

        {calendar && (
          <CalendarEditor key={`${calendar.id ?? 'new'}:${generation}`} editing={calendar} canEdit={canEdit}
            onDone={(message) => { setCalendar(null); done(message); }} onCancel={() => setCalendar(null)}
            onStored={(stored) => { setCalendar({ id: stored.id ?? null, version: stored.version ?? 0, form: calendarFormOf(stored) }); void reload(); }}
            onReload={async () => {
              if (!calendar.id) return;
              const { data } = await api.GET('/api/sla/calendars/{id}', { params: { path: { id: calendar.id } } });
              if (data) setCalendar({ id: data.id ?? null, version: data.version ?? 0, form: calendarFormOf(data) });
              setGeneration((n) => n + 1);
              void reload();
            }} />
        )}
        {policy && (
          <PolicyEditor key={`${policy.id ?? 'new'}:${generation}`} editing={policy} canEdit={canEdit} calendars={calendars ?? []} vocabulary={vocabulary}
            onDone={(message) => { setPolicy(null); done(message); }} onCancel={() => setPolicy(null)}
            onReload={async () => {
              if (!policy.id) return;
              const { data } = await api.GET('/api/sla/policies/{id}', { params: { path: { id: policy.id } } });
              if (data) setPolicy({ id: data.id ?? null, version: data.version ?? 0, form: policyFormOf(data) });
              setGeneration((n) => n + 1);
              void reload();
            }} />
        )}
      </div>
    </>
  );
}

function targetSummary(t: T, policy: Policy): string {
  return Object.entries(policy.targets ?? {}).map(([priority, metrics]) => `${priority}: ${METRICS.filter((metric) => metrics?.[metric])
    .map((metric) => `${t(`slaAdmin.metricShort.${metric}`)} ${duration(metrics[metric]!.minutes)}`).join(', ')}`).join(' · ');
}

/** What a save came back with: done, a conflict, or the 422's faults. */
function useSaving() {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (write: () => Promise<{ error?: unknown }>): Promise<boolean> => {
    setBusy(true);
    setErrors([]);
    setRefusal(null);
    setConflict(false);
    const { error: refused } = await write();
    setBusy(false);
    if (!refused) return true;
    if (isConflict(refused)) setConflict(true);
    else {
      setErrors(fieldErrors(refused));
      setRefusal(reason(refused, t('common.failed')));
    }
    return false;
  };
  return { errors, refusal, conflict, busy, run, setRefusal };
}

function Refusals({ saving, onReload, what }: { saving: ReturnType<typeof useSaving>; onReload: () => void; what: 'calendar' | 'policy' }) {
  const { t } = useI18n();
  return (
    <>
      {saving.conflict && (
        <div className="error" role="alert" data-testid="sla-conflict">
          <p>{t(`slaAdmin.conflict.${what}`)}</p>
          <button type="button" className="button small" onClick={onReload}>{t('slaAdmin.reload')}</button>
        </div>
      )}
      {saving.refusal && (
        <div className="error" role="alert" data-testid="sla-refused">
          <p>{saving.errors.length ? t('slaAdmin.invalid') : saving.refusal}</p>
          {saving.errors.length > 0 && <ul>{saving.errors.map((error) => <li key={error.field + error.message}><code>{error.field}</code>: {error.message}</li>)}</ul>}
        </div>
      )}
    </>
  );
}

/** A file's text (FileReader: what every browser, and the test DOM, has). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

function CalendarEditor({ editing, canEdit, onDone, onCancel, onReload, onStored }: {
  editing: { id: string | null; version: number | null; form: CalendarForm }; canEdit: boolean;
  onDone: (notice: string) => void; onCancel: () => void; onReload: () => void; onStored: (calendar: Calendar) => void;
}) {
  const { t } = useI18n();
  const base = useId();
  const [form, setForm] = useState(editing.form);
  const [imported, setImported] = useState<string | null>(null);
  const saving = useSaving();
  const set = (part: Partial<CalendarForm>) => setForm((current) => ({ ...current, ...part }));
  const setSlots = (day: string, slots: CalendarForm['slots'][string]) => setForm((current) => ({ ...current, slots: { ...current.slots, [day]: slots } }));
  const at = (path: string) => errorsAt(saving.errors, path);
  const aria = (path: string) => ({ 'aria-invalid': at(path).length ? true : undefined, 'aria-describedby': at(path).length ? `${base}-${path}-error` : undefined });
  const readOnly = !canEdit;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = calendarRequestOf(form);
    const ok = await saving.run(() => (editing.id
      ? api.PUT('/api/sla/calendars/{id}', { params: { path: { id: editing.id }, header: { 'If-Match': `"${editing.version ?? 0}"` } }, body })
      : api.POST('/api/sla/calendars', { body })));
    if (ok) onDone(t('slaAdmin.calendarSaved', { name: body.name }));
  };
  const importFile = async (file: File | undefined) => {
    if (!file || !editing.id) return;
    setImported(null);
    const text = await readText(file);
    let stored: Calendar | undefined;
    const ok = await saving.run(async () => {
      const answer = await api.POST('/api/sla/calendars/{id}/holidays/import', {
        params: { path: { id: editing.id! }, header: { 'If-Match': `"${editing.version ?? 0}"` } },
        body: text, bodySerializer: (body) => body, headers: { 'Content-Type': 'text/calendar' },
      });
      stored = answer.data?.calendar;
      if (answer.data) setImported([t('slaAdmin.imported', { n: answer.data.added ?? 0 }), ...(answer.data.notes ?? [])].join(' '));
      return answer;
    });
    if (ok && stored) {
      const holidays = calendarFormOf(stored).holidays;
      setForm((current) => ({ ...current, holidays }));
      onStored(stored);
    }
  };

  return (
    <form className="card rule-editor" onSubmit={(event) => void save(event)} aria-labelledby={`${base}-title`} noValidate data-testid="calendar-editor">
      <h2 id={`${base}-title`}>{!editing.id ? t('slaAdmin.newCalendar') : t('slaAdmin.calendarTitle', { name: editing.form.name })}</h2>
      <Refusals saving={saving} onReload={onReload} what="calendar" />
      {imported && <p className="notice" role="status" data-testid="holiday-import">{imported}</p>}
      <fieldset disabled={readOnly || saving.busy} className="plain">
        <div className="field"><label htmlFor={`${base}-name`}>{t('admin.name')}</label>
          <input id={`${base}-name`} required maxLength={200} value={form.name} {...aria('name')} onChange={(e) => set({ name: e.target.value })} />
          <FieldErrors id={`${base}-name-error`} messages={at('name')} /></div>
        <div className="field"><label htmlFor={`${base}-zone`}>{t('slaAdmin.zone')}</label>
          <select id={`${base}-zone`} value={form.zone} {...aria('zone')} onChange={(e) => set({ zone: e.target.value })}>
            {timeZones(form.zone).map((zone) => <option key={zone} value={zone}>{zone}</option>)}
          </select>
          <FieldErrors id={`${base}-zone-error`} messages={at('zone')} /></div>
        <label className="check"><input type="checkbox" checked={form.isDefault} onChange={(e) => set({ isDefault: e.target.checked })} />
          {t('slaAdmin.isDefault')}</label>

        <fieldset className="field">
          <legend>{t('slaAdmin.hours')}</legend>
          <FieldErrors id={`${base}-slots-error`} messages={saving.errors.filter((error) => error.field === 'slots' || (error.field.startsWith('slots.')
            && !DAYS.some((day) => error.field.startsWith(`slots.${day}`)))).map((error) => error.message)} />
          <ul className="rule-rows">
            {DAYS.map((day) => (
              <li key={day} data-testid={`slots-${day}`}>
                <div className="condition">
                  <strong className="day">{t(`slaAdmin.day.${day}`)}</strong>
                  {(form.slots[day] ?? []).length === 0 && <span className="muted">{t('slaAdmin.closed')}</span>}
                  {(form.slots[day] ?? []).map((slot, index) => {
                    const path = `slots.${day}[${index}]`;
                    const n = { day: t(`slaAdmin.day.${day}`), n: index + 1 };
                    return (
                      <div key={index} className="slot">
                        <span className="row">
                          <input type="time" aria-label={t('slaAdmin.slotStart', n)} value={slot.start} {...aria(path)}
                            onChange={(e) => setSlots(day, form.slots[day]!.map((each, i) => (i === index ? { ...each, start: e.target.value } : each)))} />
                          –
                          <input type={slot.end === '24:00' ? 'text' : 'time'} aria-label={t('slaAdmin.slotEnd', n)} value={slot.end}
                            onChange={(e) => setSlots(day, form.slots[day]!.map((each, i) => (i === index ? { ...each, end: e.target.value } : each)))} />
                          {!readOnly && <button type="button" className="button small" aria-label={t('slaAdmin.removeSlot', n)}
                            onClick={() => setSlots(day, form.slots[day]!.filter((_, i) => i !== index))}>✕</button>}
                        </span>
                        <FieldErrors id={`${base}-${path}-error`} messages={at(path)} />
                      </div>
                    );
                  })}
                  {!readOnly && <button type="button" className="button small" aria-label={t('slaAdmin.addSlotTo', { day: t(`slaAdmin.day.${day}`) })}
                    onClick={() => setSlots(day, [...(form.slots[day] ?? []), { start: '09:00', end: '17:00' }])}>{t('slaAdmin.addSlot')}</button>}
                </div>
              </li>
            ))}
          </ul>
        </fieldset>

        <fieldset className="field">
          <legend>{t('slaAdmin.holidays')}</legend>
          {form.holidays.length === 0 && <p className="hint">{t('slaAdmin.noHolidays')}</p>}
          <ol className="rule-rows">
            {form.holidays.map((holiday, index) => {
              const path = `holidays[${index}]`;
              const n = { n: index + 1 };
              const change = (part: Partial<typeof holiday>) => set({ holidays: form.holidays.map((each, i) => (i === index ? { ...each, ...part } : each)) });
              return (
                <li key={index} data-testid="holiday-row">
                  <div className="condition">
                    <div><input type="date" aria-label={t('slaAdmin.holidayDate', n)} value={holiday.date} {...aria(`${path}.date`)}
                      onChange={(e) => change({ date: e.target.value })} />
                      <FieldErrors id={`${base}-${path}.date-error`} messages={at(`${path}.date`)} /></div>
                    <div><input aria-label={t('slaAdmin.holidayName', n)} value={holiday.name} {...aria(`${path}.name`)}
                      onChange={(e) => change({ name: e.target.value })} />
                      <FieldErrors id={`${base}-${path}.name-error`} messages={at(`${path}.name`)} /></div>
                  </div>
                  {!readOnly && <button type="button" className="button small" aria-label={t('slaAdmin.removeHoliday', n)}
                    onClick={() => set({ holidays: form.holidays.filter((_, i) => i !== index) })}>✕</button>}
                </li>
              );
            })}
          </ol>
          {!readOnly && <button type="button" className="button small" onClick={() => set({ holidays: [...form.holidays, { date: '', name: '' }] })}>
            {t('slaAdmin.addHoliday')}</button>}
          {!readOnly && editing.id && (
            <div className="field">
              <label htmlFor={`${base}-ics`}>{t('slaAdmin.importIcs')}</label>
              <input id={`${base}-ics`} type="file" accept=".ics,text/calendar" {...aria('ics')}
                onChange={(e) => { void importFile(e.target.files?.[0]); e.target.value = ''; }} />
              <span className="hint">{t('slaAdmin.importHint')}</span>
              <FieldErrors id={`${base}-ics-error`} messages={at('ics')} />
            </div>
          )}
        </fieldset>
      </fieldset>
      <div className="row">
        {canEdit && <button type="submit" className="button primary" disabled={saving.busy}>{editing.id ? t('common.save') : t('admin.create')}</button>}
        <button type="button" className="button" onClick={onCancel}>{canEdit ? t('common.cancel') : t('common.close')}</button>
      </div>
    </form>
  );
}

function PolicyEditor({ editing, canEdit, calendars, vocabulary, onDone, onCancel, onReload }: {
  editing: { id: string | null; version: number | null; form: PolicyForm }; canEdit: boolean; calendars: Calendar[];
  vocabulary: Vocabulary; onDone: (notice: string) => void; onCancel: () => void; onReload: () => void;
}) {
  const { t } = useI18n();
  const base = useId();
  const [form, setForm] = useState(editing.form);
  const saving = useSaving();
  const set = (part: Partial<PolicyForm>) => setForm((current) => ({ ...current, ...part }));
  const at = (path: string) => errorsAt(saving.errors, path);
  const aria = (path: string) => ({ 'aria-invalid': at(path).length ? true : undefined, 'aria-describedby': at(path).length ? `${base}-${path}-error` : undefined });
  const readOnly = !canEdit;
  const priorities = [...vocabulary.priorities, ...Object.keys(form.targets).filter((each) => !vocabulary.priorities.includes(each))];
  const cell = (priority: string, metric: string) => form.targets[priority]?.[metric] ?? { minutes: '', basis: 'business' };
  const setCell = (priority: string, metric: string, part: Partial<{ minutes: string; basis: string }>) => setForm((current) => ({
    ...current, targets: { ...current.targets, [priority]: { ...current.targets[priority], [metric]: { ...cell(priority, metric), ...part } } },
  }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const body = policyRequestOf(form);
    const ok = await saving.run(() => (editing.id
      ? api.PUT('/api/sla/policies/{id}', { params: { path: { id: editing.id }, header: { 'If-Match': `"${editing.version ?? 0}"` } }, body })
      : api.POST('/api/sla/policies', { body })));
    if (ok) onDone(t('slaAdmin.policySaved', { name: body.name }));
  };

  return (
    <form className="card rule-editor" onSubmit={(event) => void save(event)} aria-labelledby={`${base}-title`} noValidate data-testid="policy-editor">
      <h2 id={`${base}-title`}>{!editing.id ? t('slaAdmin.newPolicy') : t('slaAdmin.policyTitle', { name: editing.form.name })}</h2>
      <Refusals saving={saving} onReload={onReload} what="policy" />
      <fieldset disabled={readOnly || saving.busy} className="plain">
        <div className="field"><label htmlFor={`${base}-name`}>{t('admin.name')}</label>
          <input id={`${base}-name`} required maxLength={200} value={form.name} {...aria('name')} onChange={(e) => set({ name: e.target.value })} />
          <FieldErrors id={`${base}-name-error`} messages={at('name')} /></div>
        <div className="row">
          <label className="check"><input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} />{t('rules.active')}</label>
          <label htmlFor={`${base}-position`}>{t('rules.position')}</label>
          <input id={`${base}-position`} type="number" min={0} className="narrow" value={form.position} {...aria('position')}
            onChange={(e) => set({ position: Number(e.target.value) })} />
          <FieldErrors id={`${base}-position-error`} messages={at('position')} />
        </div>
        <div className="field"><label htmlFor={`${base}-calendar`}>{t('slaAdmin.calendar')}</label>
          <select id={`${base}-calendar`} value={form.calendarId} {...aria('calendarId')} onChange={(e) => set({ calendarId: e.target.value })}>
            <option value="">{t('slaAdmin.defaultCalendar')}</option>
            {calendars.map((each) => <option key={each.id} value={each.id}>{each.name}</option>)}
          </select>
          <FieldErrors id={`${base}-calendarId-error`} messages={at('calendarId')} /></div>

        <ConditionsEditor base={base} match={form.match} conditions={form.conditions} errors={saving.errors} readOnly={readOnly}
          vocabulary={vocabulary} onChange={(change) => set(change)} />

        <fieldset className="field">
          <legend>{t('slaAdmin.targets')}</legend>
          <p className="hint">{t('slaAdmin.targetsHint')}</p>
          <FieldErrors id={`${base}-targets-error`} messages={saving.errors.filter((error) => error.field === 'targets').map((error) => error.message)} />
          <div className="table-scroll">
            <table className="table targets" data-testid="sla-targets">
              <thead><tr><th>{t('slaAdmin.priority')}</th>{METRICS.map((metric) => <th key={metric}>{t(`slaAdmin.metric.${metric}`)}</th>)}</tr></thead>
              <tbody>
                {priorities.map((priority) => (
                  <tr key={priority}>
                    <th scope="row">{priority}</th>
                    {METRICS.map((metric) => {
                      const path = `targets.${priority}.${metric}`;
                      const names = { priority, metric: t(`slaAdmin.metric.${metric}`) };
                      return (
                        <td key={metric}>
                          <span className="row">
                            <input type="number" min={1} className="minutes" aria-label={t('slaAdmin.minutesOf', names)}
                              value={cell(priority, metric).minutes} {...aria(path)} onChange={(e) => setCell(priority, metric, { minutes: e.target.value })} />
                            <select aria-label={t('slaAdmin.basisOf', names)} value={cell(priority, metric).basis}
                              onChange={(e) => setCell(priority, metric, { basis: e.target.value })}>
                              {BASES.map((basis) => <option key={basis} value={basis}>{t(`slaAdmin.basis.${basis}`)}</option>)}
                            </select>
                          </span>
                          <FieldErrors id={`${base}-${path}-error`} messages={[...at(`targets.${priority}[${metric}]`), ...at(path)]} />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>

        <div className="field"><label htmlFor={`${base}-lead`}>{t('slaAdmin.warningLead')}</label>
          <input id={`${base}-lead`} type="number" min={0} className="narrow" value={form.warningLeadMinutes} {...aria('warningLeadMinutes')}
            onChange={(e) => set({ warningLeadMinutes: e.target.value })} />
          <FieldErrors id={`${base}-warningLeadMinutes-error`} messages={at('warningLeadMinutes')} /></div>

        <fieldset className="field">
          <legend>{t('slaAdmin.breachActions')}</legend>
          {form.breachActions.length === 0 && <p className="hint">{t('slaAdmin.noBreachActions')}</p>}
          <ol className="rule-rows">
            {form.breachActions.map((row, index) => {
              const path = `breachActions[${index}]`;
              const n = { n: index + 1 };
              const change = (part: Partial<typeof row>) => set({ breachActions: form.breachActions.map((each, i) => (i === index ? { ...each, ...part } : each)) });
              const options = row.type === 'escalate' ? vocabulary.groups.map((group) => ({ value: group, label: group }))
                : row.type === 'raise_priority' ? vocabulary.priorities.map((priority) => ({ value: priority, label: priority }))
                  : vocabulary.staff.filter((member) => member.role === 'team_lead' || member.role === 'admin').map((member) => ({ value: member.id, label: member.name }));
              return (
                <li key={index} data-testid="breach-row">
                  <div className="condition">
                    <div><select aria-label={t('slaAdmin.breachTypeOf', n)} value={row.type} {...aria(`${path}.type`)}
                      onChange={(e) => change({ type: e.target.value as BreachType, value: '' })}>
                      {BREACH_TYPES.map((type) => <option key={type} value={type}>{t(`slaAdmin.breach.${type}`)}</option>)}
                    </select><FieldErrors id={`${base}-${path}.type-error`} messages={at(`${path}.type`)} /></div>
                    <div><select aria-label={t('slaAdmin.breachValueOf', n)} value={row.value} onChange={(e) => change({ value: e.target.value })}>
                      <option value="">{t('rules.choose')}</option>
                      {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
                      {row.value && !options.some((option) => option.value === row.value) && <option value={row.value}>{row.value}</option>}
                    </select><FieldErrors id={`${base}-${path}-error`} messages={saving.errors.filter((error) => error.field.startsWith(path)
                      && !error.field.startsWith(`${path}.type`)).map((error) => error.message)} /></div>
                  </div>
                  {!readOnly && <button type="button" className="button small" aria-label={t('slaAdmin.removeBreach', n)}
                    onClick={() => set({ breachActions: form.breachActions.filter((_, i) => i !== index) })}>✕</button>}
                </li>
              );
            })}
          </ol>
          {!readOnly && <button type="button" className="button small" onClick={() => set({ breachActions: [...form.breachActions, { type: 'escalate', value: '' }] })}>
            {t('slaAdmin.addBreach')}</button>}
        </fieldset>
      </fieldset>
      <div className="row">
        {canEdit && <button type="submit" className="button primary" disabled={saving.busy}>{editing.id ? t('common.save') : t('admin.create')}</button>}
        <button type="button" className="button" onClick={onCancel}>{canEdit ? t('common.cancel') : t('common.close')}</button>
      </div>
    </form>
  );
}
