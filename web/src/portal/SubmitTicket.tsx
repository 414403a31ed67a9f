import { useEffect, useState, type FormEvent } from 'react';
import { api, reason, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Link, navigate } from '../nav/router';
import type { Me } from '../session/useMe';
import { CustomFieldInputs } from '../admin/CustomFieldInputs';
import { uploadTo } from '../tickets/tickets';
import { customerFields, toApiValues, type FieldDefinition, type FieldProblem, type FormValue } from '../admin/customFieldValues';

type Category = Schemas['CategoryView'];
type Submitted = Schemas['OpenedTicket'];

export function SubmitTicket({ me }: { me: Me }) {
  const { t } = useI18n();
  const [categories, setCategories] = useState<Category[]>([]);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [fields, setFields] = useState<FieldDefinition[]>([]);
  const [fieldValues, setFieldValues] = useState<Record<string, FormValue>>({});
  const [problems, setProblems] = useState<Record<string, FieldProblem>>({});
  const [files, setFiles] = useState<File[]>([]);
  const [refusedFiles, setRefusedFiles] = useState<string[]>([]);

  useEffect(() => {
    // a customer is shown the active categories only
    api.GET('/api/tickets/categories', {}).then(({ data }) => {
      setCategories((data?.categories ?? []).filter((category) => category.categoryId && !category.archived)
        .sort((a, b) => (a.position ?? 0) - (b.position ?? 0)));
    });
    // the custom fields a customer fills in (the API gives a customer only the visible ones)
    api.GET('/api/tickets/custom-fields', {}).then(({ data }) => setFields(customerFields(data?.customFields ?? [])));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const custom = toApiValues(fields, fieldValues);
    setProblems(custom.problems);
    if (Object.keys(custom.problems).length) {
      document.getElementById(`submit-field-${Object.keys(custom.problems)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { data, error: refused } = await api.POST('/api/tickets', { body: {
        subject: subject.trim(), description: description.trim(), customerId: me.customerId ?? me.id ?? '',
        channel: 'portal', ...(categoryId ? { categoryId } : {}),
        ...(Object.keys(custom.values).length ? { customFields: custom.values } : {}) } });
      if (refused || !data) {
        setError(reason(refused, t('common.failed')));
        return;
      }
      // files go to the ticket once it exists; the ticket stands even if one of them is refused
      setRefusedFiles(data.ticketId && files.length ? await uploadTo(data.ticketId, files) : []);
      setSubmitted(data);
    } finally {
      setBusy(false);
    }
  };

  if (submitted) {
    return (
      <div className="card confirmation" role="status">
        <h1>{t('submit.done')}</h1>
        <p className="muted">{t('submit.number')}</p>
        <p className="number" data-testid="ticket-number">#{submitted.number}</p>
        {files.length > 0 && refusedFiles.length === 0 && <p className="muted">{t('submit.filesSent', { count: files.length })}</p>}
        {refusedFiles.length > 0 && <p className="error" role="alert">{t('submit.filesRefused', { names: refusedFiles.join(', ') })}</p>}
        <div className="row" >
          <span className="spacer" />
          <Link className="button primary" href={`/portal/tickets/${submitted.ticketId}`}>{t('submit.view')}</Link>
          <button type="button" className="button" onClick={() => { setSubmitted(null); setSubject(''); setDescription(''); setFieldValues({}); setFiles([]); navigate('/portal/new'); }}>
            {t('submit.another')}
          </button>
          <span className="spacer" />
        </div>
      </div>
    );
  }
  return (
    <form className="card" onSubmit={submit}>
      <h1>{t('submit.title')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="field">
        <label htmlFor="submit-subject">{t('submit.subject')}</label>
        <input id="submit-subject" required maxLength={200} value={subject} onChange={(e) => setSubject(e.target.value)} />
      </div>
      {categories.length > 0 && (
        <div className="field">
          <label htmlFor="submit-category">{t('submit.category')}</label>
          <select id="submit-category" value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
            <option value="">{t('submit.noCategory')}</option>
            {categories.map((category) => (
              <option key={category.categoryId} value={category.categoryId}>{category.name}</option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="submit-description">{t('submit.description')}</label>
        <textarea id="submit-description" required value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <CustomFieldInputs fields={fields} values={fieldValues} problems={problems} idPrefix="submit-field"
        onChange={(key, value) => { setFieldValues({ ...fieldValues, [key]: value }); setProblems(withoutKey(problems, key)); }} />
      <div className="field">
        <label htmlFor="submit-files">{t('composer.attach')}</label>
        <input id="submit-files" type="file" multiple onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
        {files.length > 0 && <span className="hint">{files.map((file) => file.name).join(', ')}</span>}
      </div>
      <button type="submit" className="button primary" disabled={busy || !subject.trim()}>
        {busy ? t('submit.busy') : t('submit.submit')}
      </button>
    </form>
  );
}

/** The problems left once a field is changed: its own is gone until the next submit checks again. */
function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const rest = { ...record };
  delete rest[key];
  return rest;
}
