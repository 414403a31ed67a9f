import { describe, expect, it } from 'vitest';
import { actionsOf, formOf, NO_ACTIONS, tagsOf } from './macroForm';

describe('the macro part of the canned response form', () => {
  it('reads comma-separated tags, dropping empty ones', () => {
    expect(tagsOf(' vendor, ,billing ,')).toEqual(['vendor', 'billing']);
  });

  it('sends only what is chosen, clearing the rest', () => {
    expect(actionsOf({ ...NO_ACTIONS, status: 'PENDING', addTags: 'vendor', assign: 'me' })).toEqual({
      setStatus: 'PENDING', resolutionSummary: null, setPriority: null, addTags: ['vendor'], removeTags: [],
      assignAgentId: 'me', assignGroupId: null, internalNote: false,
    });
  });

  it('sends a resolution summary only when resolving', () => {
    expect(actionsOf({ ...NO_ACTIONS, status: 'RESOLVED', resolution: ' Reset ' }).resolutionSummary).toBe('Reset');
    expect(actionsOf({ ...NO_ACTIONS, status: 'PENDING', resolution: 'left over' }).resolutionSummary).toBeNull();
  });

  it('assigns to an agent or a group by the id typed, and to nobody without one', () => {
    expect(actionsOf({ ...NO_ACTIONS, assign: 'group', assignTarget: ' tier-2 ' })).toMatchObject({ assignGroupId: 'tier-2', assignAgentId: null });
    expect(actionsOf({ ...NO_ACTIONS, assign: 'agent', assignTarget: 'alex' })).toMatchObject({ assignAgentId: 'alex', assignGroupId: null });
    expect(actionsOf({ ...NO_ACTIONS, assign: 'agent', assignTarget: ' ' })).toMatchObject({ assignAgentId: null, assignGroupId: null });
  });

  it('shows saved actions as they were typed, "me" as assigning whoever applies it', () => {
    const form = formOf({ setStatus: 'RESOLVED', resolutionSummary: 'Reset', addTags: ['a', 'b'], assignAgentId: 'me', internalNote: true });
    expect(form).toMatchObject({ status: 'RESOLVED', resolution: 'Reset', addTags: 'a, b', assign: 'me', assignTarget: '', internalNote: true });
    expect(actionsOf(form)).toMatchObject({ setStatus: 'RESOLVED', resolutionSummary: 'Reset', addTags: ['a', 'b'], assignAgentId: 'me' });
    expect(formOf({ assignGroupId: 'tier-2' })).toMatchObject({ assign: 'group', assignTarget: 'tier-2' });
    expect(formOf(null)).toEqual(NO_ACTIONS);
  });
});
