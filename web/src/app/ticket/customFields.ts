/** A custom field as the organisation configured it (ticket-service's custom fields). */
export interface FieldDef {
  key: string;
  label: string;
  type: string;
  required: boolean;
  options: string[];
}

/** What the form holds for a field: text for inputs, a list for multi-selects, a flag for checkboxes. */
export type Draft = string | string[] | boolean;

const MAX_TEXT = 10_000;

export function draftOf(def: FieldDef, value: unknown): Draft {
  if (def.type === 'CHECKBOX') return value === true;
  if (def.type === 'MULTI_SELECT') return Array.isArray(value) ? value.map(String) : [];
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The value to send, or the reason it cannot be sent: the same rules ticket-service applies, checked before the
 * round trip so the agent sees them at the field (the service still decides).
 */
export function checkField(def: FieldDef, draft: Draft): { value: unknown } | { problem: 'required' | 'number' | 'date' | 'option' | 'tooLong' } {
  if (def.type === 'CHECKBOX') return { value: draft === true };
  if (def.type === 'MULTI_SELECT') {
    const chosen = Array.isArray(draft) ? draft : [];
    if (chosen.length === 0) return def.required ? { problem: 'required' } : { value: null };
    return chosen.every((c) => def.options.includes(c)) ? { value: [...new Set(chosen)] } : { problem: 'option' };
  }
  const text = typeof draft === 'string' ? draft.trim() : '';
  if (!text) return def.required ? { problem: 'required' } : { value: null };
  switch (def.type) {
    case 'NUMBER': {
      const number = Number(text.replace(',', '.'));
      return Number.isFinite(number) && /^-?\d+([.,]\d+)?$/.test(text) ? { value: number } : { problem: 'number' };
    }
    case 'DATE': {
      const valid = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))
        && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
      return valid ? { value: text } : { problem: 'date' };
    }
    case 'DROPDOWN':
      return def.options.includes(text) ? { value: text } : { problem: 'option' };
    default:
      return text.length > MAX_TEXT ? { problem: 'tooLong' } : { value: text };
  }
}

/** Only the fields whose value changed, so a save never rewrites what someone else set meanwhile. */
export function changedFields(defs: FieldDef[], drafts: Record<string, Draft>, current: Record<string, unknown>):
  { changes: Record<string, unknown>; problems: Record<string, string> } {
  const changes: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const def of defs) {
    const checked = checkField(def, drafts[def.key] ?? draftOf(def, current[def.key]));
    if ('problem' in checked) {
      problems[def.key] = checked.problem;
      continue;
    }
    const before = current[def.key] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(checked.value ?? null)) changes[def.key] = checked.value;
  }
  return { changes, problems };
}
