import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { signIn } from '../session/session';
import { homeOf } from '../session/useMe';
import { LanguagePicker } from '../ui/Shell';

const TENANT_PREFERENCE = 'autocrm.tenant';
const TOTP_REQUIRED = 'https://autocrm.org/problems/totp-required';
const TOTP_ENROLMENT_REQUIRED = 'https://autocrm.org/problems/totp-enrolment-required';

/** Only a path of this origin: never an open redirect to somewhere else. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

function remembered(): string {
  try {
    return window.localStorage.getItem(TENANT_PREFERENCE) ?? '';
  } catch {
    return '';
  }
}

export function SignInPage({ go = (to: string) => window.location.assign(to) }: { go?: (to: string) => void }) {
  const { t } = useI18n();
  const params = new URLSearchParams(window.location.search);
  const [tenant, setTenant] = useState(remembered);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await signIn(tenant.trim(), email.trim(), password, needsTotp ? totp.trim() : undefined);
      if (!result.ok) {
        const { problem } = result;
        if (problem.type === TOTP_REQUIRED) {
          setNeedsTotp(true);
          if (needsTotp) setError(problem.detail ?? t('signin.wrong'));
        } else if (problem.type === TOTP_ENROLMENT_REQUIRED) {
          setError(t('signin.enrolmentRequired'));
        } else if (problem.status === 429) {
          setError(problem.detail ?? t('common.failed'));
        } else if (problem.status === 401) {
          setError(t('signin.wrong'));
        } else {
          setError(problem.detail ?? t('common.failed'));
        }
        return;
      }
      try {
        window.localStorage.setItem(TENANT_PREFERENCE, tenant.trim());
      } catch {
        // a preference only
      }
      const { data: me } = await api.GET('/api/me');
      go(safeNext(params.get('next')) ?? (me ? homeOf(me) : '/app'));
    } catch (failure) {
      console.error(failure);
      setError(t('common.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin">
      <div className="card">
        <div className="brand">
          Auto<span>CRM</span>
        </div>
        <h1>{t('signin.title')}</h1>
        <p className="muted">{t('signin.subtitle')}</p>
        {params.has('signedOut') && !error && <p className="notice">{t('signin.signedOut')}</p>}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <form onSubmit={submit} noValidate={false}>
          <div className="field">
            <label htmlFor="tenant">{t('signin.tenant')}</label>
            <input id="tenant" name="tenant" autoComplete="organization" required value={tenant}
              onChange={(event) => setTenant(event.target.value)} aria-describedby="tenant-hint" />
            <span id="tenant-hint" className="hint">{t('signin.tenantHint')}</span>
          </div>
          <div className="field">
            <label htmlFor="email">{t('signin.email')}</label>
            <input id="email" name="email" type="email" autoComplete="username" required value={email}
              onChange={(event) => setEmail(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="password">{t('signin.password')}</label>
            <input id="password" name="password" type="password" autoComplete="current-password" required
              value={password} onChange={(event) => setPassword(event.target.value)} />
          </div>
          {needsTotp && (
            <div className="field">
              <label htmlFor="totp">{t('signin.totp')}</label>
              <input id="totp" name="totp" inputMode="numeric" autoComplete="one-time-code" required autoFocus
                value={totp} onChange={(event) => setTotp(event.target.value)} aria-describedby="totp-hint" />
              <span id="totp-hint" className="hint">{t('signin.totpHint')}</span>
            </div>
          )}
          <button className="button primary" type="submit" disabled={busy}>
            {busy ? t('signin.busy') : t('signin.submit')}
          </button>
        </form>
        <div className="language">
          <LanguagePicker />
        </div>
      </div>
    </main>
  );
}
