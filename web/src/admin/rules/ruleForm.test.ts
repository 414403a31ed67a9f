import { describe, expect, it } from 'vitest';
import {
  conditionValue, emptyForm, errorsAt, factsOf, fieldErrors, formOf, inRunOrder, moves, nextPosition, OPERATORS, kindOf,
  requestOf, type RuleView,
} from './ruleForm';

const rule = (id: string, position: number, patch: Partial<RuleView> = {}): RuleView => ({
  id, name: `Rule ${id}`, position, active: true, triggers: ['created'], match: 'all', conditions: [], actions: [],
  version: 0, ...patch,
});

describe('the routing rule form', () => {
  it('writes the form as the API takes it: values typed by field and operator, tags as a list', () => {
    const form = { ...emptyForm(20), name: ' Billing to finance ', match: 'any' as const,
      conditions: [
        { kind: 'field' as const, field: 'categoryId', operator: 'is', value: 'cat-1' },
        { kind: 'field' as const, field: 'priority', operator: 'in', value: 'HIGH, URGENT' },
        { kind: 'field' as const, field: 'tags', operator: 'is_set', value: 'ignored' },
        { kind: 'field' as const, field: 'createdWithinBusinessHours', operator: 'is', value: 'false' },
        { kind: 'field' as const, field: 'customFields.order_total', operator: 'greater_than', value: '1000' },
      ],
      actions: [{ type: 'assign_group' as const, value: 'finance ' }, { type: 'add_tags' as const, value: 'vip, billing' }] };
    expect(requestOf(form)).toEqual({
      name: 'Billing to finance', position: 20, active: true, triggers: ['created'], match: 'any',
      conditions: [
        { field: 'categoryId', operator: 'is', value: 'cat-1' },
        { field: 'priority', operator: 'in', value: ['HIGH', 'URGENT'] },
        { field: 'tags', operator: 'is_set' },
        { field: 'createdWithinBusinessHours', operator: 'is', value: false },
        { field: 'customFields.order_total', operator: 'greater_than', value: 1000 },
      ],
      actions: [{ type: 'assign_group', value: 'finance' }, { type: 'add_tags', value: ['vip', 'billing'] }],
    });
    expect(conditionValue({ field: 'subject', operator: 'contains', value: ' 42 ' })).toBe('42');
  });

  it('reads a stored rule back into the form, keeping a nested group as written so error paths still match', () => {
    const group = [{ match: 'any', conditions: [{ field: 'channel', operator: 'is', value: 'email' }] }] as unknown as NonNullable<RuleView['conditions']>;
    const stored = rule('r-1', 10, { conditions: [{ field: 'tags', operator: 'in', value: ['a', 'b'] }, ...group],
      actions: [{ type: 'remove_tags', value: ['x'] }] });
    const form = formOf(stored);
    expect(form.conditions[0]).toEqual({ kind: 'field', field: 'tags', operator: 'in', value: 'a, b' });
    expect(form.conditions[1]?.kind).toBe('group');
    expect(requestOf(form).conditions).toEqual(stored.conditions);
    expect(form.actions).toEqual([{ type: 'remove_tags', value: 'x' }]);
  });

  it('offers the operators the API accepts for each kind of field', () => {
    expect(OPERATORS[kindOf('priority')]).not.toContain('contains');
    expect(OPERATORS[kindOf('tags')]).toEqual(['contains', 'not_contains', 'in', 'not_in', 'is_set', 'is_not_set']);
    expect(OPERATORS[kindOf('createdAt')]).toEqual(['greater_than', 'less_than', 'is_set', 'is_not_set']);
    expect(kindOf('customFields.plan')).toBe('custom');
  });

  it('puts each fault a 422 names next to its input', () => {
    const errors = fieldErrors({ status: 422, errors: [
      { field: 'conditions[0].field', message: 'unknown field "prioritty" (did you mean "priority"?)' },
      { field: 'actions[1].value[0]', message: 'must be a tag (non-blank text)' },
      { field: 'name', message: 'required' },
    ] });
    expect(errorsAt(errors, 'conditions[0].field')).toEqual(['unknown field "prioritty" (did you mean "priority"?)']);
    expect(errorsAt(errors, 'conditions[0].value')).toEqual([]);
    expect(errorsAt(errors, 'actions[1].value')).toEqual(['must be a tag (non-blank text)']);
    expect(errorsAt(errors, 'conditions[1]')).toEqual([]);
    expect(fieldErrors({ status: 409, code: 'VERSION_CONFLICT' })).toEqual([]);
  });

  it('keeps the run order and renumbers only the rules a move displaces', () => {
    const rules = inRunOrder([rule('b', 10), rule('a', 10), rule('c', 0)]);
    expect(rules.map((each) => each.id)).toEqual(['c', 'a', 'b']);
    expect(moves(rules, 2, -1).map((change) => [change.rule.id, change.position])).toEqual([['a', 20]]);
    expect(moves(rules, 0, 1).map((change) => [change.rule.id, change.position])).toEqual([['a', 0], ['c', 10], ['b', 20]]);
    expect(moves(rules, 0, -1)).toEqual([]);
    expect(nextPosition(rules)).toBe(20);
    expect(nextPosition([])).toBe(0);
  });

  it('describes a ticket to the dry run as its view shows it', () => {
    expect(factsOf({ ticketId: 't-1', number: 7, subject: 'Invoice wrong', status: 'OPEN', priority: 'HIGH', channel: 'email',
      categoryId: 'cat-1', tags: ['vip'], company: 'ACME', tier: 'gold', groupId: null, agentId: 'u-2',
      createdAt: '2026-12-07T10:00:00Z' } as never)).toEqual({
      ticketId: 't-1', subject: 'Invoice wrong', status: 'OPEN', priority: 'HIGH', channel: 'email', categoryId: 'cat-1',
      tags: ['vip'], customFields: {}, customerCompany: 'ACME', customerTier: 'gold', assignedAgentId: 'u-2',
      createdAt: '2026-12-07T10:00:00Z',
    });
  });
});
