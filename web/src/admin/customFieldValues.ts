// The values of custom fields as a form holds them, checked and turned into what POST /api/tickets takes in
// customFields, by the same rules ticket-service applies (CustomFieldValues), so a person sees the problem at the
// field instead of a refused submission. Shared by the admin console's preview and the portal's submit form.

export type FieldType = 'text' | 'number' | 'date' | 'dropdown' | 'multi_select' | 'checkbox';
export const FIELD_TYPES: FieldType[] = ['text', 'number', 'date', 'dropdown', 'multi_select', 'checkbox'];
export const MAX_TEXT = 10_000;

export interface FieldDefinition {
  key?: string;
  label?: string;
  type?: string;
  options?: (string | null)[] | null;
  required?: boolean;
  visibleToCustomers?: boolean;
  retired?: boolean;
}

/** What a form holds per field: text for text, number, date and dropdown; a list for multi_select; a flag for checkbox. */
export type FormValue = string | string[] | boolean;
export type FieldProblem = 'required' | 'number' | 'date' | 'option' | 'tooLong';

/** The fields a customer fills in: visible to customers, not retired, in the order defined. */
export function customerFields(fields: FieldDefinition[]): FieldDefinition[] {
  return fields.filter((field) => field.key && field.visibleToCustomers && !field.retired);
}

export function optionsOf(field: FieldDefinition): string[] {
  return (field.options ?? []).filter((option): option is string => typeof option === 'string');
}

/** The API's values, or the problems by field key (then values is not to be sent). */
export function toApiValues(fields: FieldDefinition[], form: Record<string, FormValue>):
  { values: Record<string, unknown>; problems: Record<string, FieldProblem> } {
  const values: Record<string, unknown> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const key = field.key;
    if (!key) continue;
    const raw = form[key];
    const options = optionsOf(field);
    switch (field.type) {
      case 'checkbox':
        // an unticked box is an answer (false), so a required checkbox is always answered
        values[key] = raw === true;
        break;
      case 'multi_select': {
        const chosen = Array.isArray(raw) ? raw.filter((choice) => options.includes(choice)) : [];
        if (chosen.length) values[key] = [...new Set(chosen)];
        else if (field.required) problems[key] = 'required';
        break;
      }
      default: {
        const text = typeof raw === 'string' ? (field.type === 'text' ? raw : raw.trim()) : '';
        if (!text.trim()) {
          if (field.required) problems[key] = 'required';
          break;
        }
        if (field.type === 'number') {
          const number = Number(text.replace(',', '.'));
          if (!Number.isFinite(number)) problems[key] = 'number';
          else values[key] = number;
        } else if (field.type === 'date') {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))
            || new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) !== text) problems[key] = 'date';
          else values[key] = text;
        } else if (field.type === 'dropdown') {
          if (!options.includes(text)) problems[key] = 'option';
          else values[key] = text;
        } else if (text.length > MAX_TEXT) {
          problems[key] = 'tooLong';
        } else {
          values[key] = text;
        }
      }
    }
  }
  return { values, problems };
}

/** Options typed one per line (or comma-separated) in the admin form: trimmed, blank and repeated ones dropped. */
export function parseOptions(text: string): string[] {
  const seen = new Set<string>();
  return text.split(/[\n,]/).map((option) => option.trim()).filter((option) => {
    if (!option || seen.has(option.toLowerCase())) return false;
    seen.add(option.toLowerCase());
    return true;
  });
}

/** A label's suggested key: lower snake case as ticket-service wants it (like order_number), at most 50 characters. */
export function keyFromLabel(label: string): string {
  const key = label.replace(/ß/g, 'ss').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '_').replace(/^[^a-z]+/, '').replace(/_+$/, '');
  return key.slice(0, 50).replace(/_+$/, '');
}
