import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, reason } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { callbackUrl, formOf, PERSON_ROLES, requestOf, type ClientAuthentication, type DefaultRole, type SsoForm,
  type SsoView } from './ssoForm';

/**
 * The tenant's single sign-on (GET/PUT/DELETE /api/admin/tenant/sso): the OpenID Connect provider its people sign in
 * at. The client secret is write-only: the page says whether one is set, and an empty field keeps it.
 */
export function SingleSignOn() {
  const { t, relative } = useI18n();
  const [view, setView] = useState<SsoView | null>(null);
  const [form, setForm] = useState<SsoForm | null>(null);
  const [tenant, setTenant] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (next: SsoView | undefined, tenantId: string) => {
    setView(next ?? null);
    setForm(formOf(next, callbackUrl(window.location.origin, tenantId)));
  };

  useEffect(() => {
    void Promise.all([api.GET('/api/me'), api.GET('/api/admin/tenant/sso')]).then(([me, sso]) => {
      if (sso.error) {
        setError(reason(sso.error, t('common.failed')));
        return;
      }
      const tenantId = me.data?.tenant ?? '';
      setTenant(tenantId);
      show(sso.data, tenantId);
    });
  }, [t]);

  const change = <K extends keyof SsoForm>(key: K, value: SsoForm[K]) => setForm((current) => current && { ...current, [key]: value });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setError(null);
    setNotice(null);
    const request = requestOf(form);
    if ('badLine' in request) {
      setError(`${t(request.field === 'roleMap' ? 'sso.roleMap' : 'sso.groupMap')}: ${t('sso.mapLine', { line: request.badLine })}`);
      return;
    }
    setBusy(true);
    const { data, error: refused } = await api.PUT('/api/admin/tenant/sso', { body: request.body });
    setBusy(false);
    if (refused) setError(reason(refused, t('common.failed')));
    else {
      show(data, tenant);
      setNotice(t('sso.saved'));
    }
  };

  const turnOff = async () => {
    setError(null);
    setNotice(null);
    setBusy(true);
    const { data, error: refused } = await api.DELETE('/api/admin/tenant/sso');
    setBusy(false);
    if (refused) setError(reason(refused, t('common.failed')));
    else {
      show(data, tenant);
      setNotice(t('sso.turnedOff'));
    }
  };

  // a secret from the server's configuration is not the tenant's to keep: saving here needs one of its own
  const secretStored = !!view?.clientSecretSet && view?.source === 'admin';
  const status = !view?.configured ? 'sso.status.off' : view.source === 'properties' ? 'sso.status.properties' : 'sso.status.admin';
  return (
    <>
      <h1>{t('sso.title')}</h1>
      <p className="muted">{t('sso.intro')}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      {!form ? (!error && <p className="empty">{t('common.loading')}</p>) : (
        <form className="card sso-form" onSubmit={(event) => void save(event)}>
          <p data-testid="sso-status"><strong>{t(status)}</strong>
            {view?.updatedAt ? <> {t('sso.lastChanged', { when: relative(view.updatedAt) })}</> : null}</p>
          <Field id="sso-display-name" label={t('sso.displayName')} hint={t('sso.displayNameHint')}>
            <input id="sso-display-name" maxLength={100} value={form.displayName}
              onChange={(e) => change('displayName', e.target.value)} aria-describedby="sso-display-name-hint" />
          </Field>
          <Field id="sso-issuer" label={t('sso.issuer')} hint={t('sso.issuerHint')}>
            <input id="sso-issuer" type="url" required value={form.issuer} spellCheck={false}
              onChange={(e) => change('issuer', e.target.value)} aria-describedby="sso-issuer-hint" />
          </Field>
          <Field id="sso-client-id" label={t('sso.clientId')}>
            <input id="sso-client-id" required value={form.clientId} spellCheck={false} autoComplete="off"
              onChange={(e) => change('clientId', e.target.value)} />
          </Field>
          <div className="field">
            <label htmlFor="sso-client-secret">{t('sso.clientSecret')}</label>
            <input id="sso-client-secret" type="password" autoComplete="new-password" value={form.clientSecret}
              required={!secretStored} onChange={(e) => change('clientSecret', e.target.value)}
              aria-describedby="sso-client-secret-hint" />
            <span id="sso-client-secret-hint" className="hint">
              <strong data-testid="sso-secret-state">{t('sso.secretState', { state: t(secretStored ? 'sso.set' : 'sso.notSet') })}</strong>
              {' '}{t(secretStored ? 'sso.secretSet' : 'sso.secretNotSet')}
            </span>
          </div>
          <Field id="sso-client-authentication" label={t('sso.clientAuthentication')}>
            <select id="sso-client-authentication" value={form.clientAuthentication}
              onChange={(e) => change('clientAuthentication', e.target.value as ClientAuthentication)}>
              <option value="client_secret_basic">{t('sso.auth.client_secret_basic')}</option>
              <option value="client_secret_post">{t('sso.auth.client_secret_post')}</option>
            </select>
          </Field>
          <Field id="sso-scopes" label={t('sso.scopes')} hint={t('sso.scopesHint')}>
            <input id="sso-scopes" value={form.scopes} spellCheck={false}
              onChange={(e) => change('scopes', e.target.value)} aria-describedby="sso-scopes-hint" />
          </Field>
          <Field id="sso-redirect-uri" label={t('sso.redirectUri')} hint={t('sso.redirectUriHint')}>
            <input id="sso-redirect-uri" type="url" required value={form.redirectUri} spellCheck={false}
              onChange={(e) => change('redirectUri', e.target.value)} aria-describedby="sso-redirect-uri-hint" />
          </Field>
          <div className="field">
            <label className="row" htmlFor="sso-provision">
              <input id="sso-provision" type="checkbox" checked={form.provisionUnknownUsers}
                onChange={(e) => change('provisionUnknownUsers', e.target.checked)} aria-describedby="sso-provision-hint" />
              {t('sso.provision')}
            </label>
            <span id="sso-provision-hint" className="hint">{t('sso.provisionHint')}</span>
          </div>
          <details className="sso-claims">
            <summary>{t('sso.claims')}</summary>
            <div className="sso-claim-names">
              {(['emailClaim', 'nameClaim', 'rolesClaim', 'groupsClaim'] as const).map((key) => (
                <Field key={key} id={`sso-${key}`} label={t(`sso.claim.${key.replace('Claim', '') as 'email'}`)}>
                  <input id={`sso-${key}`} value={form[key]} spellCheck={false} onChange={(e) => change(key, e.target.value)} />
                </Field>
              ))}
            </div>
            <Field id="sso-role-map" label={t('sso.roleMap')} hint={t('sso.roleMapHint')}>
              <textarea id="sso-role-map" rows={3} value={form.roleMap} spellCheck={false}
                onChange={(e) => change('roleMap', e.target.value)} aria-describedby="sso-role-map-hint" />
            </Field>
            <Field id="sso-group-map" label={t('sso.groupMap')} hint={t('sso.groupMapHint')}>
              <textarea id="sso-group-map" rows={3} value={form.groupMap} spellCheck={false}
                onChange={(e) => change('groupMap', e.target.value)} aria-describedby="sso-group-map-hint" />
            </Field>
            <Field id="sso-default-role" label={t('sso.defaultRole')}>
              <select id="sso-default-role" value={form.defaultRole}
                onChange={(e) => change('defaultRole', e.target.value as DefaultRole)}>
                <option value="">{t('sso.noDefaultRole')}</option>
                {PERSON_ROLES.map((role) => <option key={role} value={role}>{t(`role.${role}`)}</option>)}
              </select>
            </Field>
          </details>
          <div className="row">
            <button type="submit" className="button primary" disabled={busy}>{t('sso.save')}</button>
            {view?.source === 'admin' && (
              <button type="button" className="button" disabled={busy} onClick={() => void turnOff()}>{t('sso.turnOff')}</button>
            )}
          </div>
        </form>
      )}
    </>
  );
}

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
    </div>
  );
}
