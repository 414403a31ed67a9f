import type { MacroActions } from '../composer/macros';

/** The actions part of the canned-response form, as the inputs hold it. */
export interface MacroForm {
  status: string;
  resolution: string;
  priority: string;
  addTags: string;
  removeTags: string;
  assign: '' | 'me' | 'agent' | 'group';
  assignTarget: string;
  internalNote: boolean;
}

export const NO_ACTIONS: MacroForm = {
  status: '', resolution: '', priority: '', addTags: '', removeTags: '', assign: '', assignTarget: '', internalNote: false,
};

/** Tags typed comma-separated: trimmed, empty ones dropped. */
export function tagsOf(text: string): string[] {
  return text.split(',').map((tag) => tag.trim()).filter((tag) => tag.length > 0);
}

/** The form showing a canned response's actions. */
export function formOf(actions: MacroActions | null | undefined): MacroForm {
  if (!actions) return NO_ACTIONS;
  const agent = actions.assignAgentId ?? '';
  return {
    status: actions.setStatus ?? '',
    resolution: actions.resolutionSummary ?? '',
    priority: actions.setPriority ?? '',
    addTags: (actions.addTags ?? []).join(', '),
    removeTags: (actions.removeTags ?? []).join(', '),
    assign: agent === 'me' ? 'me' : agent ? 'agent' : actions.assignGroupId ? 'group' : '',
    assignTarget: agent === 'me' ? '' : agent || (actions.assignGroupId ?? ''),
    internalNote: actions.internalNote === true,
  };
}

/**
 * The actions the form asks for, every part sent (null clears it: given actions replace all actions); the
 * resolution summary only with RESOLVED, where the server requires it.
 */
export function actionsOf(form: MacroForm) {
  const target = form.assignTarget.trim();
  return {
    setStatus: form.status || null,
    resolutionSummary: form.status === 'RESOLVED' ? form.resolution.trim() || null : null,
    setPriority: form.priority || null,
    addTags: tagsOf(form.addTags),
    removeTags: tagsOf(form.removeTags),
    assignAgentId: form.assign === 'me' ? 'me' : form.assign === 'agent' && target ? target : null,
    assignGroupId: form.assign === 'group' && target ? target : null,
    internalNote: form.internalNote,
  };
}
