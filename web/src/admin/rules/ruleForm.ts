// The routing rule editor's form and the rules API's shapes (routing-service rules.web): pure, so the mapping
// both ways, the operators a field takes and where a 422 names a fault are tested without a browser.
import type { Schemas } from '../../api/client';

export type RuleView = Schemas['RuleView'];
export type RuleRequest = Schemas['RuleRequest'];
export type RuleAction = Schemas['RuleAction'];
export type RuleCondition = Schemas['RuleCondition'];
export type DryRun = Schemas['DryRunView'];
export type TicketFacts = Schemas['TicketFacts'];

export const TRIGGERS = ['created', 'status_changed', 'priority_changed', 'category_changed', 'tags_changed',
  'custom_field_changed', 'assignment_changed', 'customer_replied', 'agent_replied'] as const;

export const ACTION_TYPES = ['assign_group', 'assign_agent', 'set_priority', 'add_tags', 'remove_tags', 'set_category',
  'apply_sla_policy', 'run_macro'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** The kinds of field the API tells apart, each with the operators it takes (routing-service ValueType). */
export type FieldKind = 'text' | 'keyword' | 'list' | 'boolean' | 'timestamp' | 'custom';

export const OPERATORS: Record<FieldKind, string[]> = {
  text: ['is', 'is_not', 'contains', 'not_contains', 'in', 'not_in', 'is_set', 'is_not_set'],
  keyword: ['is', 'is_not', 'in', 'not_in', 'is_set', 'is_not_set'],
  list: ['contains', 'not_contains', 'in', 'not_in', 'is_set', 'is_not_set'],
  boolean: ['is', 'is_not', 'is_set', 'is_not_set'],
  timestamp: ['greater_than', 'less_than', 'is_set', 'is_not_set'],
  // a custom field is typed by its definition, which the form does not know: every operator, the API checks
  custom: ['is', 'is_not', 'contains', 'not_contains', 'in', 'not_in', 'greater_than', 'less_than', 'is_set', 'is_not_set'],
};

/** The ticket fields a condition can name (routing-service TicketField), in the picker's order. */
export const FIELDS: { name: string; kind: FieldKind }[] = [
  { name: 'categoryId', kind: 'keyword' },
  { name: 'priority', kind: 'keyword' },
  { name: 'channel', kind: 'keyword' },
  { name: 'status', kind: 'keyword' },
  { name: 'tags', kind: 'list' },
  { name: 'subject', kind: 'text' },
  { name: 'description', kind: 'text' },
  { name: 'language', kind: 'keyword' },
  { name: 'customer.company', kind: 'text' },
  { name: 'customer.tier', kind: 'keyword' },
  { name: 'assignedGroupId', kind: 'keyword' },
  { name: 'assignedAgentId', kind: 'keyword' },
  { name: 'createdAt', kind: 'timestamp' },
  { name: 'createdWithinBusinessHours', kind: 'boolean' },
];
export const CUSTOM_PREFIX = 'customFields.';

export function kindOf(field: string): FieldKind {
  if (field.startsWith(CUSTOM_PREFIX)) return 'custom';
  return FIELDS.find((entry) => entry.name === field)?.kind ?? 'text';
}

/** Operators without a value, and those taking a list (written comma-separated). */
export const NO_VALUE = ['is_set', 'is_not_set'];
export const LIST_VALUE = ['in', 'not_in'];

/** One row of the conditions: a field test as the form edits it, or a nested group kept as it was written. */
export type ConditionRow =
  | { kind: 'field'; field: string; operator: string; value: string }
  | { kind: 'group'; condition: RuleCondition };

export interface ActionRow {
  type: ActionType;
  value: string;
}

export interface RuleForm {
  name: string;
  position: number;
  active: boolean;
  triggers: string[];
  match: 'all' | 'any';
  conditions: ConditionRow[];
  actions: ActionRow[];
}

export function emptyForm(position: number): RuleForm {
  return { name: '', position, active: true, triggers: ['created'], match: 'all',
    conditions: [{ kind: 'field', field: 'categoryId', operator: 'is', value: '' }],
    actions: [{ type: 'assign_group', value: '' }] };
}

const text = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
};

/** A stored rule in the form. */
export function formOf(rule: RuleView): RuleForm {
  return {
    name: rule.name ?? '',
    position: rule.position ?? 0,
    active: rule.active ?? true,
    triggers: rule.triggers ?? [],
    match: rule.match === 'any' ? 'any' : 'all',
    conditions: (rule.conditions ?? []).map((condition): ConditionRow => (condition.field
      ? { kind: 'field', field: condition.field, operator: condition.operator ?? 'is', value: text(condition.value) }
      : { kind: 'group', condition })),
    actions: (rule.actions ?? []).map((action) => ({ type: (action.type ?? 'assign_group') as ActionType, value: text(action.value) })),
  };
}

const splitList = (value: string): string[] => value.split(',').map((part) => part.trim()).filter(Boolean);

/** A condition's value as the API wants it: none, a list, a boolean, a number (custom fields), or the text. */
export function conditionValue(row: { field: string; operator: string; value: string }): unknown {
  if (NO_VALUE.includes(row.operator)) return undefined;
  if (LIST_VALUE.includes(row.operator)) return splitList(row.value);
  const kind = kindOf(row.field);
  const value = row.value.trim();
  if (kind === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (kind === 'custom' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/** The form as the API's request (what it checks and stores); nothing is dropped, so 422 paths match the rows. */
export function requestOf(form: RuleForm): RuleRequest {
  return {
    name: form.name.trim(),
    position: form.position,
    active: form.active,
    triggers: form.triggers,
    match: form.match,
    conditions: form.conditions.map((row) => (row.kind === 'group' ? row.condition : {
      field: row.field, operator: row.operator, ...(NO_VALUE.includes(row.operator) ? {} : { value: conditionValue(row) }),
    } as RuleCondition)),
    actions: form.actions.map((row) => ({
      type: row.type,
      value: row.type === 'add_tags' || row.type === 'remove_tags' ? splitList(row.value) : row.value.trim(),
    } as RuleAction)),
  };
}

/** A stored rule as a request again, e.g. to switch it on or off or move it. */
export function requestOfView(rule: RuleView, change: Partial<RuleRequest> = {}): RuleRequest {
  return {
    name: rule.name ?? '', position: rule.position ?? 0, active: rule.active ?? true, triggers: rule.triggers ?? [],
    match: rule.match ?? 'all', conditions: rule.conditions ?? [], actions: rule.actions ?? [], ...change,
  };
}

export interface FieldError {
  field: string;
  message: string;
}

/** The faults a 422 names (problem.errors), empty for any other refusal. */
export function fieldErrors(problem: unknown): FieldError[] {
  const errors = (problem as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((entry): entry is FieldError => !!entry && typeof (entry as FieldError).field === 'string')
    .map((entry) => ({ field: entry.field, message: String(entry.message ?? '') }));
}

/**
 * The messages for one input: those naming its path or something inside it (`actions[0].value[1]` belongs to
 * `actions[0].value`, `conditions[1].conditions[0].value` to the group row `conditions[1]`).
 */
export function errorsAt(errors: FieldError[], path: string): string[] {
  return errors.filter((error) => error.field === path || error.field.startsWith(path + '[') || error.field.startsWith(path + '.'))
    .map((error) => error.message);
}

/** The rules in the order they run: position, then id (as the API lists them). */
export function inRunOrder(rules: RuleView[]): RuleView[] {
  return [...rules].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || (a.id ?? '').localeCompare(b.id ?? ''));
}

/**
 * The positions to write after moving the rule at `index` one place (`by`): the list renumbered 0, 10, 20, … in
 * its new order, and only the rules whose position changes. Gaps of ten leave room for a rule put between.
 */
export function moves(rules: RuleView[], index: number, by: -1 | 1): { rule: RuleView; position: number }[] {
  const to = index + by;
  if (index < 0 || to < 0 || index >= rules.length || to >= rules.length) return [];
  const order = [...rules];
  [order[index], order[to]] = [order[to]!, order[index]!];
  return order.flatMap((rule, place) => (rule.position === place * 10 ? [] : [{ rule, position: place * 10 }]));
}

/** The position a new rule gets: after the last one. */
export function nextPosition(rules: RuleView[]): number {
  return rules.reduce((last, rule) => Math.max(last, (rule.position ?? 0) + 10), 0);
}

/** A ticket as the dry run takes it (TicketFacts), from what GET /api/tickets/{id} shows. */
export function factsOf(ticket: Schemas['TicketView']): TicketFacts {
  const facts: TicketFacts = {
    ticketId: ticket.ticketId,
    channel: ticket.channel ?? undefined,
    priority: ticket.priority ?? undefined,
    categoryId: ticket.categoryId ?? undefined,
    tags: ticket.tags ?? [],
    customFields: (ticket.customFields ?? {}) as Record<string, unknown>,
    language: ticket.language ?? undefined,
    subject: ticket.subject ?? undefined,
    description: ticket.description ?? undefined,
    customerCompany: ticket.company ?? undefined,
    customerTier: ticket.tier ?? undefined,
    createdAt: ticket.createdAt ?? undefined,
    status: ticket.status as TicketFacts['status'],
    assignedAgentId: ticket.agentId ?? undefined,
    assignedGroupId: ticket.groupId ?? undefined,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined && value !== null)) as TicketFacts;
}
