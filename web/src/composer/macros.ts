import type { MessageKey } from '../i18n/messages.en';
import { priorityKey, statusKey } from '../tickets/tickets';

/** What applying a canned response also does (the API's CannedAction); every part optional. */
export interface MacroActions {
  setStatus?: string | null;
  resolutionSummary?: string | null;
  setPriority?: string | null;
  addTags?: string[] | null;
  removeTags?: string[] | null;
  assignAgentId?: string | null;
  assignGroupId?: string | null;
  internalNote?: boolean | null;
}

/** One change a macro makes (the API's MacroChange). */
export interface MacroChange {
  kind?: string;
  from?: string | null;
  to?: string;
}

/** A canned response is a macro once applying it does more than insert its text. */
export function hasActions(actions: MacroActions | null | undefined): boolean {
  if (!actions) return false;
  return Boolean(actions.setStatus || actions.setPriority || actions.addTags?.length || actions.removeTags?.length
    || actions.assignAgentId || actions.assignGroupId || actions.internalNote);
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A change in the agent's words: statuses and priorities translated, agents by name where the directory knows them. */
export function describeChange(change: MacroChange, t: Translate, nameOf: (id: string) => string | undefined = () => undefined): string {
  const to = change.to ?? '';
  const from = change.from ?? '—';
  switch (change.kind) {
    case 'status': {
      const [f, n] = [statusKey(from), statusKey(to)];
      return t('macro.change.status', { from: f ? t(f) : from, to: n ? t(n) : to });
    }
    case 'priority': {
      const [f, n] = [priorityKey(from), priorityKey(to)];
      return t('macro.change.priority', { from: f ? t(f) : from, to: n ? t(n) : to });
    }
    case 'addTag':
      return t('macro.change.addTag', { to });
    case 'removeTag':
      return t('macro.change.removeTag', { to });
    case 'agent':
      return t('macro.change.agent', { to: nameOf(to) ?? to });
    case 'group':
      return t('macro.change.group', { to });
    default:
      return `${change.kind ?? ''}: ${to}`;
  }
}
