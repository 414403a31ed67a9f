import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { optionsOf, type FieldDefinition, type FieldProblem, type FormValue } from './customFieldValues';

/** The inputs for custom fields (portal submit form, admin preview), each with its problem next to it. */
export function CustomFieldInputs({ fields, values, problems, onChange, idPrefix }: {
  fields: FieldDefinition[];
  values: Record<string, FormValue>;
  problems: Record<string, FieldProblem>;
  onChange: (key: string, value: FormValue) => void;
  idPrefix: string;
}) {
  const { t } = useI18n();
  return (
    <>
      {fields.map((field) => {
        const key = field.key!;
        const id = `${idPrefix}-${key}`;
        const problem = problems[key];
        const described = problem ? `${id}-problem` : undefined;
        const common = { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': described, 'data-field': key };
        const raw = values[key];
        const text = typeof raw === 'string' ? raw : '';
        const options = optionsOf(field);
        const label = <>{field.label}{field.required && <span aria-hidden="true"> *</span>}</>;
        let input;
        if (field.type === 'checkbox') {
          return (
            <div className="field" key={key}>
              <label className="row" htmlFor={id}>
                <input type="checkbox" {...common} checked={raw === true} onChange={(e) => onChange(key, e.target.checked)} />
                {field.label}
              </label>
            </div>
          );
        } else if (field.type === 'multi_select') {
          const chosen = Array.isArray(raw) ? raw : [];
          return (
            <fieldset className="field" key={key} aria-describedby={described} data-field={key}>
              <legend>{label}</legend>
              {options.map((option) => (
                <label className="row" key={option}>
                  <input type="checkbox" checked={chosen.includes(option)} onChange={(e) => onChange(key,
                    e.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option))} />
                  {option}
                </label>
              ))}
              {problem && <span id={described} className="error">{t(`fields.problem.${problem}` as MessageKey)}</span>}
            </fieldset>
          );
        } else if (field.type === 'dropdown') {
          input = (
            <select {...common} required={field.required} value={text} onChange={(e) => onChange(key, e.target.value)}>
              <option value="">{t('fields.choose')}</option>
              {options.map((option) => <option key={option} value={option}>{option}</option>)}
            </select>
          );
        } else {
          input = (
            <input {...common} required={field.required} value={text}
              type={field.type === 'date' ? 'date' : 'text'} inputMode={field.type === 'number' ? 'decimal' : undefined}
              maxLength={field.type === 'text' ? 10_000 : undefined} onChange={(e) => onChange(key, e.target.value)} />
          );
        }
        return (
          <div className="field" key={key}>
            <label htmlFor={id}>{label}</label>
            {input}
            {problem && <span id={described} className="error">{t(`fields.problem.${problem}` as MessageKey)}</span>}
          </div>
        );
      })}
    </>
  );
}
