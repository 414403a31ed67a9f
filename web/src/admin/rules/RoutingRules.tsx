import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { api, reason, type Schemas } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages.en';
import { STATUSES } from '../../tickets/tickets';
import { groupsOf, useStaff, type Colleague } from '../../tickets/staff';
import {
  ACTION_TYPES, CUSTOM_PREFIX, emptyForm, errorsAt, factsOf, fieldErrors, FIELDS, formOf, inRunOrder, kindOf, LIST_VALUE,
  moves, nextPosition, NO_VALUE, OPERATORS, requestOf, requestOfView, TRIGGERS,
  type ActionRow, type ActionType, type ConditionRow, type DryRun, type FieldError, type RuleForm, type RuleView,
} from './ruleForm';

/** What the pickers offer: the tenant's groups, agents, priorities, categories and canned responses. */
export interface Vocabulary {
  staff: Colleague[];
  groups: string[];
  priorities: string[];
  categories: { id: string; name: string }[];
  macros: { id: string; title: string }[];
}

export function useVocabulary(): Vocabulary {
  const staff = useStaff();
  const [priorities, setPriorities] = useState<string[]>([]);
  const [categories, setCategories] = useState<Vocabulary['categories']>([]);
  const [macros, setMacros] = useState<Vocabulary['macros']>([]);
  useEffect(() => {
    void api.GET('/api/tickets/priorities').then(({ data }) => setPriorities(data?.priorities ?? []));
    void api.GET('/api/tickets/categories').then(({ data }) => setCategories((data?.categories ?? [])
      .filter((category) => !category.archived).map((category) => ({ id: category.categoryId ?? '', name: category.name ?? '' }))));
    void api.GET('/api/tickets/canned-responses').then(({ data }) => setMacros((data?.cannedResponses ?? [])
      .map((item) => ({ id: item.cannedResponseId ?? '', title: item.title ?? '' }))));
  }, []);
  return useMemo(() => ({ staff, groups: groupsOf(staff), priorities, categories, macros }), [staff, priorities, categories, macros]);
}

/**
 * Routing rules (routing-service): the tenant's rules in the order they run, switched on and off, moved, created,
 * edited and deleted by admins; team leads read them and try them on a ticket (docs/permissions.md).
 */
export function RoutingRules({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const [rules, setRules] = useState<RuleView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; version: number | null; form: RuleForm } | null>(null);
  const [deleting, setDeleting] = useState<RuleView | null>(null);
  const [testing, setTesting] = useState<RuleView | null>(null);

  const reload = useCallback(async () => {
    const { data, error: refused } = await api.GET('/api/routing/rules');
    if (refused) setError(reason(refused, t('common.failed')));
    else setRules(inRunOrder(data ?? []));
  }, [t]);
  useEffect(() => { void reload(); }, [reload]);

  const said = (refused: unknown, done: string) => {
    if (refused) {
      setNotice(null);
      setError(isConflict(refused) ? t('rules.conflict') : reason(refused, t('common.failed')));
    } else {
      setError(null);
      setNotice(done);
    }
  };
  const put = (rule: RuleView, change: Partial<Schemas['RuleRequest']>) => api.PUT('/api/routing/rules/{id}', {
    params: { path: { id: rule.id ?? '' }, header: { 'If-Match': `"${rule.version ?? 0}"` } },
    body: requestOfView(rule, change),
  });
  const toggle = async (rule: RuleView) => {
    const { error: refused } = await put(rule, { active: !rule.active });
    said(refused, t(rule.active ? 'rules.switchedOff' : 'rules.switchedOn', { name: rule.name ?? '' }));
    await reload();
  };
  const reorder = async (index: number, by: -1 | 1) => {
    if (!rules) return;
    for (const change of moves(rules, index, by)) {
      const { error: refused } = await put(change.rule, { position: change.position });
      if (refused) {
        said(refused, '');
        break;
      }
    }
    await reload();
  };
  const remove = async (rule: RuleView) => {
    const { error: refused } = await api.DELETE('/api/routing/rules/{id}', {
      params: { path: { id: rule.id ?? '' }, header: { 'If-Match': `"${rule.version ?? 0}"` } },
    });
    setDeleting(null);
    said(refused, t('rules.deleted', { name: rule.name ?? '' }));
    if (!refused && editing?.id === rule.id) setEditing(null);
    await reload();
  };

  return (
    <>
      <h1>{t('rules.title')}</h1>
      <p className="hint">{canEdit ? t('rules.intro') : t('rules.readOnly')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      <div className="admin-layout rules-layout">
        <section className="card table-card" aria-labelledby="rules-list-title" data-testid="rules">
          <h2 id="rules-list-title" className="section-title">{t('rules.list')}</h2>
          {rules === null ? <p className="empty">{t('common.loading')}</p> : rules.length === 0 ? <p className="empty">{t('rules.none')}</p> : (
            <table className="table">
              <thead><tr><th>{t('rules.order')}</th><th>{t('admin.name')}</th><th>{t('rules.when')}</th><th>{t('rules.does')}</th>
                <th>{t('admin.state')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
              <tbody>{rules.map((rule, index) => (
                <tr key={rule.id} className={rule.active ? undefined : 'inactive'} data-testid="rule-row">
                  <td>{index + 1}</td>
                  <td>{rule.name}</td>
                  <td className="muted">{(rule.triggers ?? []).map((trigger) => triggerLabel(t, trigger)).join(', ')}</td>
                  <td className="muted">{(rule.actions ?? []).map((action) => actionText(t, action, vocabulary)).join('; ')}</td>
                  <td>{canEdit ? (
                    <label className="row"><input type="checkbox" checked={rule.active ?? true} onChange={() => void toggle(rule)}
                      aria-label={t('rules.activeNamed', { name: rule.name ?? '' })} />{rule.active ? t('admin.active') : t('rules.off')}</label>
                  ) : rule.active ? t('admin.active') : t('rules.off')}</td>
                  <td><div className="row">
                    {canEdit && <>
                      <button type="button" className="button small" disabled={index === 0}
                        aria-label={t('settings.moveUp', { name: rule.name ?? '' })} onClick={() => void reorder(index, -1)}>↑</button>
                      <button type="button" className="button small" disabled={index === rules.length - 1}
                        aria-label={t('settings.moveDown', { name: rule.name ?? '' })} onClick={() => void reorder(index, 1)}>↓</button>
                      <button type="button" className="button small" aria-label={t('fields.editNamed', { label: rule.name ?? '' })}
                        onClick={() => { setEditing({ id: rule.id ?? null, version: rule.version ?? 0, form: formOf(rule) }); setDeleting(null); }}>
                        {t('fields.edit')}</button>
                      <button type="button" className="button small" aria-label={t('rules.deleteNamed', { name: rule.name ?? '' })}
                        onClick={() => setDeleting(rule)}>{t('rules.delete')}</button>
                    </>}
                    {!canEdit && <button type="button" className="button small" aria-label={t('rules.viewNamed', { name: rule.name ?? '' })}
                      onClick={() => setEditing({ id: rule.id ?? null, version: rule.version ?? 0, form: formOf(rule) })}>{t('rules.view')}</button>}
                    <button type="button" className="button small" aria-label={t('rules.testNamed', { name: rule.name ?? '' })}
                      onClick={() => setTesting(rule)}>{t('rules.test')}</button>
                  </div>
                  {deleting?.id === rule.id && (
                    <div className="confirm" role="alertdialog" aria-labelledby={`delete-${rule.id}`}>
                      <p id={`delete-${rule.id}`}>{t('rules.confirmDelete', { name: rule.name ?? '' })}</p>
                      <div className="row">
                        <button type="button" className="button small danger" onClick={() => void remove(rule)}>{t('rules.deleteConfirmed')}</button>
                        <button type="button" className="button small" onClick={() => setDeleting(null)}>{t('common.cancel')}</button>
                      </div>
                    </div>
                  )}</td>
                </tr>
              ))}</tbody>
            </table>
          )}
          {canEdit && !editing && (
            <p><button type="button" className="button primary" onClick={() => setEditing({ id: null, version: null,
              form: emptyForm(nextPosition(rules ?? [])) })}>{t('rules.new')}</button></p>
          )}
        </section>
        {editing && (
          <RuleEditor key={editing.id ?? 'new'} editing={editing} canEdit={canEdit} vocabulary={vocabulary}
            onDone={(done) => { setEditing(null); setError(null); setNotice(done); void reload(); }}
            onCancel={() => setEditing(null)}
            onReload={async () => {
              if (!editing.id) return;
              const { data } = await api.GET('/api/routing/rules/{id}', { params: { path: { id: editing.id } } });
              if (data) setEditing({ id: data.id ?? null, version: data.version ?? 0, form: formOf(data) });
              void reload();
            }} />
        )}
      </div>
      {testing && <DryRunPanel rule={testing} vocabulary={vocabulary} onClose={() => setTesting(null)} />}
    </>
  );
}

/** A group's conditions (the API's document does not type the nesting). */
function nested(condition: Schemas['RuleCondition']): unknown[] {
  const inner = (condition as { conditions?: unknown }).conditions;
  return Array.isArray(inner) ? inner : [];
}

function isConflict(problem: unknown): boolean {
  const value = problem as { status?: number; code?: string } | null;
  return value?.status === 409 || value?.code === 'VERSION_CONFLICT';
}

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

function triggerLabel(t: T, trigger: string): string {
  return (TRIGGERS as readonly string[]).includes(trigger) ? t(`rules.trigger.${trigger}` as MessageKey) : trigger;
}

/** An action in words, naming groups, agents, categories and macros where the pickers know them. */
export function actionText(t: T, action: Schemas['RuleAction'], vocabulary: Vocabulary): string {
  const value = Array.isArray(action.value) ? action.value.map(String).join(', ') : String(action.value ?? '');
  const named = action.type === 'assign_agent' ? vocabulary.staff.find((member) => member.id === value)?.name
    : action.type === 'set_category' ? vocabulary.categories.find((category) => category.id === value)?.name
      : action.type === 'run_macro' ? vocabulary.macros.find((macro) => macro.id === value)?.title : undefined;
  const type = (ACTION_TYPES as readonly string[]).includes(action.type ?? '') ? t(`rules.action.${action.type}` as MessageKey) : action.type ?? '';
  return `${type}: ${named ?? value}`;
}

export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return <span id={id} className="field-error" data-testid="field-error">{messages.join(' ')}</span>;
}

/** The create / edit form (read-only for team leads): name, triggers, all/any, conditions and actions. */
function RuleEditor({ editing, canEdit, vocabulary, onDone, onCancel, onReload }: {
  editing: { id: string | null; version: number | null; form: RuleForm }; canEdit: boolean; vocabulary: Vocabulary;
  onDone: (notice: string) => void; onCancel: () => void; onReload: () => void;
}) {
  const { t } = useI18n();
  const base = useId();
  const [form, setForm] = useState<RuleForm>(editing.form);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (part: Partial<RuleForm>) => setForm((current) => ({ ...current, ...part }));
  const setAction = (index: number, row: ActionRow) =>
    setForm((current) => ({ ...current, actions: current.actions.map((each, at) => (at === index ? row : each)) }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors([]);
    setRefusal(null);
    setConflict(false);
    const body = requestOf(form);
    const { error: refused } = editing.id
      ? await api.PUT('/api/routing/rules/{id}', { params: { path: { id: editing.id }, header: { 'If-Match': `"${editing.version ?? 0}"` } }, body })
      : await api.POST('/api/routing/rules', { body });
    setBusy(false);
    if (!refused) {
      onDone(t('rules.saved', { name: body.name }));
      return;
    }
    if (isConflict(refused)) setConflict(true);
    else {
      setErrors(fieldErrors(refused));
      setRefusal(reason(refused, t('common.failed')));
    }
  };

  const at = (path: string) => errorsAt(errors, path);
  const describe = (path: string) => (at(path).length ? `${base}-${path}-error` : undefined);
  const invalid = (path: string) => (at(path).length ? true : undefined);
  const readOnly = !canEdit;
  const title = !editing.id ? t('rules.new') : readOnly ? t('rules.viewTitle', { name: form.name }) : t('rules.editTitle', { name: editing.form.name });

  return (
    <form className="card rule-editor" onSubmit={(event) => void save(event)} aria-labelledby={`${base}-title`} noValidate>
      <h2 id={`${base}-title`}>{title}</h2>
      {conflict && (
        <div className="error" role="alert" data-testid="rule-conflict">
          <p>{t('rules.conflict')}</p>
          <button type="button" className="button small" onClick={onReload}>{t('rules.reload')}</button>
        </div>
      )}
      {refusal && (
        <div className="error" role="alert" data-testid="rule-refused">
          <p>{errors.length ? t('rules.invalid') : refusal}</p>
          {errors.length > 0 && <ul>{errors.map((error) => <li key={error.field + error.message}><code>{error.field}</code>: {error.message}</li>)}</ul>}
        </div>
      )}
      <fieldset disabled={readOnly || busy} className="plain">
        <div className="field"><label htmlFor={`${base}-name`}>{t('admin.name')}</label>
          <input id={`${base}-name`} required maxLength={200} value={form.name} aria-invalid={invalid('name')}
            aria-describedby={describe('name')} onChange={(e) => set({ name: e.target.value })} />
          <FieldErrors id={`${base}-name-error`} messages={at('name')} /></div>

        <fieldset className="field" aria-describedby={describe('triggers')}>
          <legend>{t('rules.triggers')}</legend>
          <div className="checks">
            {TRIGGERS.map((trigger) => (
              <label key={trigger} className="row"><input type="checkbox" checked={form.triggers.includes(trigger)}
                onChange={(e) => set({ triggers: e.target.checked ? [...form.triggers, trigger] : form.triggers.filter((each) => each !== trigger) })} />
                {triggerLabel(t, trigger)}</label>
            ))}
          </div>
          <FieldErrors id={`${base}-triggers-error`} messages={at('triggers')} />
        </fieldset>

        <ConditionsEditor base={base} match={form.match} conditions={form.conditions} errors={errors} readOnly={readOnly}
          vocabulary={vocabulary} onChange={(change) => set(change)} />

        <fieldset className="field">
          <legend>{t('rules.actions')}</legend>
          <ol className="rule-rows">
            {form.actions.map((row, index) => (
              <li key={index} data-testid="action-row">
                <ActionEditor base={`${base}-a${index}`} row={row} vocabulary={vocabulary} index={index}
                  errors={{ type: at(`actions[${index}].type`), value: at(`actions[${index}].value`) }}
                  onChange={(next) => setAction(index, next)} />
                {!readOnly && <button type="button" className="button small" aria-label={t('rules.removeAction', { n: index + 1 })}
                  onClick={() => set({ actions: form.actions.filter((_, at) => at !== index) })}>✕</button>}
              </li>
            ))}
          </ol>
          <FieldErrors id={`${base}-actions`} messages={errors.filter((error) => error.field === 'actions').map((error) => error.message)} />
          {!readOnly && <button type="button" className="button small" onClick={() => set({ actions: [...form.actions,
            { type: 'add_tags', value: '' }] })}>{t('rules.addAction')}</button>}
        </fieldset>

        <div className="row">
          <label className="row"><input type="checkbox" checked={form.active} onChange={(e) => set({ active: e.target.checked })} />
            {t('rules.active')}</label>
          <label htmlFor={`${base}-position`}>{t('rules.position')}</label>
          <input id={`${base}-position`} type="number" min={0} className="narrow" value={form.position} aria-invalid={invalid('position')}
            aria-describedby={describe('position')} onChange={(e) => set({ position: Number(e.target.value) })} />
          <FieldErrors id={`${base}-position-error`} messages={at('position')} />
        </div>
      </fieldset>
      <div className="row">
        {canEdit && <button type="submit" className="button primary" disabled={busy}>{editing.id ? t('common.save') : t('admin.create')}</button>}
        <button type="button" className="button" onClick={onCancel}>{canEdit ? t('common.cancel') : t('common.close')}</button>
      </div>
    </form>
  );
}

/**
 * The conditions of a rule, all or any, each a field test (or a nested group kept as written), with the 422's faults
 * next to the inputs they name (`conditions[1].value`). SLA policies take the same conditions and use it too.
 */
export function ConditionsEditor({ base, match, conditions, errors, readOnly, vocabulary, onChange }: {
  base: string; match: RuleForm['match']; conditions: ConditionRow[]; errors: FieldError[]; readOnly: boolean;
  vocabulary: Vocabulary; onChange: (change: { match?: RuleForm['match']; conditions?: ConditionRow[] }) => void;
}) {
  const { t } = useI18n();
  const at = (path: string) => errorsAt(errors, path);
  return (
    <fieldset className="field">
      <legend>{t('rules.conditions')}</legend>
      <div className="row">
        <label htmlFor={`${base}-match`}>{t('rules.match')}</label>
        <select id={`${base}-match`} value={match} onChange={(e) => onChange({ match: e.target.value as RuleForm['match'] })}>
          <option value="all">{t('rules.match.all')}</option>
          <option value="any">{t('rules.match.any')}</option>
        </select>
      </div>
      {conditions.length === 0 && <p className="hint">{t('rules.noConditions')}</p>}
      <ol className="rule-rows">
        {conditions.map((row, index) => {
          const path = `conditions[${index}]`;
          return (
            <li key={index} data-testid="condition-row">
              {row.kind === 'group' ? (
                <div className="row"><span className="muted">{t('rules.group', { match: row.condition.match ?? 'all', count: nested(row.condition).length })}</span>
                  <code className="wrap">{JSON.stringify(nested(row.condition))}</code></div>
              ) : (
                <ConditionEditor base={`${base}-c${index}`} row={row} vocabulary={vocabulary} index={index}
                  errors={{ field: at(`${path}.field`), operator: at(`${path}.operator`), value: at(`${path}.value`) }}
                  onChange={(next) => onChange({ conditions: conditions.map((each, at) => (at === index ? next : each)) })} />
              )}
              <FieldErrors id={`${base}-${path}`} messages={errors.filter((error) => error.field === path
                || (row.kind === 'group' && error.field.startsWith(path + '.'))).map((error) => error.message)} />
              {!readOnly && <button type="button" className="button small" aria-label={t('rules.removeCondition', { n: index + 1 })}
                onClick={() => onChange({ conditions: conditions.filter((_, at) => at !== index) })}>✕</button>}
            </li>
          );
        })}
      </ol>
      <FieldErrors id={`${base}-conditions`} messages={errors.filter((error) => error.field === 'conditions').map((error) => error.message)} />
      {!readOnly && <button type="button" className="button small" onClick={() => onChange({ conditions: [...conditions,
        { kind: 'field', field: 'priority', operator: 'is', value: '' }] })}>{t('rules.addCondition')}</button>}
    </fieldset>
  );
}

function ConditionEditor({ base, row, vocabulary, index, errors, onChange }: {
  base: string; row: Extract<ConditionRow, { kind: 'field' }>; vocabulary: Vocabulary; index: number;
  errors: { field: string[]; operator: string[]; value: string[] }; onChange: (row: ConditionRow) => void;
}) {
  const { t } = useI18n();
  const custom = row.field.startsWith(CUSTOM_PREFIX);
  const known = FIELDS.some((entry) => entry.name === row.field);
  const operators = OPERATORS[kindOf(row.field)];
  const options = valueOptions(row.field, vocabulary, t);
  const n = index + 1;
  const aria = (name: keyof typeof errors) => ({
    'aria-invalid': errors[name].length ? true : undefined,
    'aria-describedby': errors[name].length ? `${base}-${name}-error` : undefined,
  });
  return (
    <div className="condition">
      <div>
        <label className="visually-hidden" htmlFor={`${base}-field`}>{t('rules.fieldOf', { n })}</label>
        <select id={`${base}-field`} value={custom ? CUSTOM_PREFIX : row.field} {...aria('field')}
          onChange={(e) => {
            const field = e.target.value;
            const next = OPERATORS[kindOf(field)];
            onChange({ ...row, field, operator: next.includes(row.operator) ? row.operator : next[0]!, value: '' });
          }}>
          {FIELDS.map((entry) => <option key={entry.name} value={entry.name}>{t(`rules.field.${entry.name}` as MessageKey)}</option>)}
          <option value={CUSTOM_PREFIX}>{t('rules.field.custom')}</option>
          {!known && !custom && <option value={row.field}>{row.field}</option>}
        </select>
        {custom && (
          <>
            <label className="visually-hidden" htmlFor={`${base}-key`}>{t('rules.customKeyOf', { n })}</label>
            <input id={`${base}-key`} className="narrow" placeholder={t('rules.customKey')} value={row.field.slice(CUSTOM_PREFIX.length)}
              onChange={(e) => onChange({ ...row, field: CUSTOM_PREFIX + e.target.value })} />
          </>
        )}
        <FieldErrors id={`${base}-field-error`} messages={errors.field} />
      </div>
      <div>
        <label className="visually-hidden" htmlFor={`${base}-operator`}>{t('rules.operatorOf', { n })}</label>
        <select id={`${base}-operator`} value={row.operator} {...aria('operator')} onChange={(e) => onChange({ ...row, operator: e.target.value })}>
          {(operators.includes(row.operator) ? operators : [row.operator, ...operators]).map((operator) => (
            <option key={operator} value={operator}>{t(`rules.op.${operator}` as MessageKey)}</option>
          ))}
        </select>
        <FieldErrors id={`${base}-operator-error`} messages={errors.operator} />
      </div>
      {!NO_VALUE.includes(row.operator) && (
        <div>
          <label className="visually-hidden" htmlFor={`${base}-value`}>{t('rules.valueOf', { n })}</label>
          {options && !LIST_VALUE.includes(row.operator) ? (
            <select id={`${base}-value`} value={row.value} {...aria('value')} onChange={(e) => onChange({ ...row, value: e.target.value })}>
              <option value="">{t('rules.choose')}</option>
              {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
              {row.value && !options.some((option) => option.value === row.value) && <option value={row.value}>{row.value}</option>}
            </select>
          ) : (
            <input id={`${base}-value`} value={row.value} {...aria('value')}
              placeholder={LIST_VALUE.includes(row.operator) || kindOf(row.field) === 'list' ? t('rules.commaSeparated')
                : kindOf(row.field) === 'timestamp' ? '2026-12-31T00:00:00Z' : ''}
              onChange={(e) => onChange({ ...row, value: e.target.value })} />
          )}
          <FieldErrors id={`${base}-value-error`} messages={errors.value} />
        </div>
      )}
    </div>
  );
}

/** The values a field can take where the tenant's vocabulary says (a select), or null (typed). */
function valueOptions(field: string, vocabulary: Vocabulary, t: T): { value: string; label: string }[] | null {
  switch (field) {
    case 'priority': return vocabulary.priorities.map((priority) => ({ value: priority, label: priority }));
    case 'status': return STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }));
    case 'categoryId': return vocabulary.categories.map((category) => ({ value: category.id, label: category.name }));
    case 'assignedGroupId': return vocabulary.groups.map((group) => ({ value: group, label: group }));
    case 'assignedAgentId': return vocabulary.staff.map((member) => ({ value: member.id, label: member.name }));
    case 'createdWithinBusinessHours': return [{ value: 'true', label: t('rules.yes') }, { value: 'false', label: t('rules.no') }];
    default: return null;
  }
}

function ActionEditor({ base, row, vocabulary, index, errors, onChange }: {
  base: string; row: ActionRow; vocabulary: Vocabulary; index: number; errors: { type: string[]; value: string[] };
  onChange: (row: ActionRow) => void;
}) {
  const { t } = useI18n();
  const n = index + 1;
  const options = row.type === 'assign_group' ? vocabulary.groups.map((group) => ({ value: group, label: group }))
    : row.type === 'assign_agent' ? vocabulary.staff.filter((member) => member.role !== 'customer').map((member) => ({ value: member.id, label: member.name }))
      : row.type === 'set_priority' ? vocabulary.priorities.map((priority) => ({ value: priority, label: priority }))
        : row.type === 'set_category' ? vocabulary.categories.map((category) => ({ value: category.id, label: category.name }))
          : row.type === 'run_macro' ? vocabulary.macros.map((macro) => ({ value: macro.id, label: macro.title }))
            : null;
  const aria = (name: keyof typeof errors) => ({
    'aria-invalid': errors[name].length ? true : undefined,
    'aria-describedby': errors[name].length ? `${base}-${name}-error` : undefined,
  });
  return (
    <div className="condition">
      <div>
        <label className="visually-hidden" htmlFor={`${base}-type`}>{t('rules.actionOf', { n })}</label>
        <select id={`${base}-type`} value={row.type} {...aria('type')} onChange={(e) => onChange({ type: e.target.value as ActionType, value: '' })}>
          {ACTION_TYPES.map((type) => <option key={type} value={type}>{t(`rules.action.${type}` as MessageKey)}</option>)}
        </select>
        <FieldErrors id={`${base}-type-error`} messages={errors.type} />
      </div>
      <div>
        <label className="visually-hidden" htmlFor={`${base}-value`}>{t('rules.actionValueOf', { n })}</label>
        {options ? (
          <select id={`${base}-value`} value={row.value} {...aria('value')} onChange={(e) => onChange({ ...row, value: e.target.value })}>
            <option value="">{t('rules.choose')}</option>
            {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
            {row.value && !options.some((option) => option.value === row.value) && <option value={row.value}>{row.value}</option>}
          </select>
        ) : (
          <input id={`${base}-value`} value={row.value} {...aria('value')}
            placeholder={row.type === 'apply_sla_policy' ? t('rules.slaPolicyId') : t('rules.commaSeparated')}
            onChange={(e) => onChange({ ...row, value: e.target.value })} />
        )}
        <FieldErrors id={`${base}-value-error`} messages={errors.value} />
      </div>
    </div>
  );
}

/**
 * "Test on a ticket": find a ticket by number or subject, describe it to the dry run as its view shows it, and say
 * whether the rule would match, which condition failed and why, and what it would do. Nothing is changed.
 */
function DryRunPanel({ rule, vocabulary, onClose }: { rule: RuleView; vocabulary: Vocabulary; onClose: () => void }) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Schemas['TicketView'][] | null>(null);
  const [ticket, setTicket] = useState<Schemas['TicketView'] | null>(null);
  const [result, setResult] = useState<DryRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const text = query.trim().replace(/^#/, '');
    const { data, error: refused } = await api.GET('/api/tickets', { params: { query: { q: text, size: 10, sort: 'updated', order: 'desc' } } });
    if (refused) setError(reason(refused, t('common.failed')));
    else setFound(((data ?? {}) as Schemas['TicketPage']).items ?? []);
  };
  const tryOn = async (chosen: Schemas['TicketView']) => {
    setError(null);
    setResult(null);
    const { data: view, error: unreadable } = await api.GET('/api/tickets/{id}', { params: { path: { id: chosen.ticketId ?? '' } } });
    if (unreadable || !view) {
      setError(reason(unreadable, t('common.failed')));
      return;
    }
    setTicket(view);
    const { data, error: refused } = await api.POST('/api/routing/rules/{id}/test', {
      params: { path: { id: rule.id ?? '' } }, body: { ticket: factsOf(view) },
    });
    if (refused || !data) setError(reason(refused, t('common.failed')));
    else setResult(data);
  };
  return (
    <section className="card dry-run" aria-labelledby="dry-run-title" data-testid="dry-run">
      <div className="row"><h2 id="dry-run-title">{t('rules.testTitle', { name: rule.name ?? '' })}</h2><span className="spacer" />
        <button type="button" className="button small" onClick={onClose}>{t('common.close')}</button></div>
      <p className="hint">{t('rules.testHint')}</p>
      <form className="row" role="search" onSubmit={(event) => void search(event)}>
        <label htmlFor="dry-run-search">{t('rules.findTicket')}</label>
        <input id="dry-run-search" type="search" value={query} placeholder={t('rules.findTicketPlaceholder')}
          onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" className="button">{t('rules.search')}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {found && (found.length === 0 ? <p className="empty">{t('rules.noTickets')}</p> : (
        <ul className="compact-list" aria-label={t('rules.tickets')}>
          {found.map((item) => (
            <li key={item.ticketId}><button type="button" className="button small link"
              aria-pressed={ticket?.ticketId === item.ticketId} onClick={() => void tryOn(item)}>
              {t('rules.tryOn', { number: item.number ?? '', subject: item.subject ?? '' })}</button></li>
          ))}
        </ul>
      ))}
      {result && ticket && (
        <div className="dry-run-result" role="status" data-testid="dry-run-result">
          <p className={result.matched ? 'verdict matched' : 'verdict not-matched'}>
            <strong>{result.matched ? t('rules.wouldMatch', { number: ticket.number ?? '' }) : t('rules.wouldNotMatch', { number: ticket.number ?? '' })}</strong></p>
          {result.failedCondition && <p data-testid="dry-run-failed">{t('rules.failedBecause')} <code className="wrap">{result.failedCondition.explanation}</code></p>}
          {result.conditions && (result.conditions.parts ?? []).length > 0 && (
            <details><summary>{t('rules.everyCondition')}</summary>
              <ul>{flatten(result.conditions).map((check) => (
                <li key={check.path}>{check.passed ? '✓' : '✗'} <span className="visually-hidden">{check.passed ? t('rules.passed') : t('rules.failed')}</span> {check.explanation}</li>
              ))}</ul></details>
          )}
          {result.matched && (
            <>
              <h3>{t('rules.wouldDo')}</h3>
              <ul data-testid="dry-run-actions">{(result.actions ?? []).map((action, index) => <li key={index}>{actionText(t, action, vocabulary)}</li>)}</ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function flatten(check: Schemas['RuleConditionCheck']): Schemas['RuleConditionCheck'][] {
  return (check.parts ?? []).flatMap((part) => [part, ...flatten(part)]);
}
