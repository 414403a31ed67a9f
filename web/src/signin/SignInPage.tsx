import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, reason } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { signIn, signInWithLink, type SignInResult } from '../session/session';
import { homeOf } from '../session/useMe';
import { LanguagePicker } from '../ui/Shell';
import { ssoFailure, ssoOffer, ssoStart, type SsoOffer } from './sso';

const TENANT_PREFERENCE = 'autocrm.tenant';
const TOTP_REQUIRED = 'https://autocrm.org/problems/totp-required';
const TOTP_ENROLMENT_REQUIRED = 'https://autocrm.org/problems/totp-enrolment-required';

/** Only a path of this origin: never an open redirect to somewhere else. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

/** The one-time token of an emailed link: in the fragment (#token=...), which browsers never send to a server. */
export function tokenOf(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.trim() ? token.trim() : null;
}

function remembered(): string {
  try {
    return window.localStorage.getItem(TENANT_PREFERENCE) ?? '';
  } catch {
    return '';
  }
}

type Mode = 'password' | 'link' | 'forgot' | 'reset' | 'opening';

function initialMode(): Mode {
  const path = window.location.pathname;
  if (path === '/sign-in' && tokenOf(window.location.hash)) return 'opening';
  if (path === '/reset-password' && tokenOf(window.location.hash)) return 'reset';
  return 'password';
}

/**
 * The sign-in page: password (and the authenticator code when two-factor applies), a sign-in link by email,
 * a forgotten password; and the pages the emailed links open (/sign-in#token=..., /reset-password#token=...).
 */
export function SignInPage({ go = (to: string) => window.location.assign(to) }: { go?: (to: string) => void }) {
  const { t } = useI18n();
  const params = new URLSearchParams(window.location.search);
  const [mode, setMode] = useState<Mode>(initialMode);
  const [tenant, setTenant] = useState(remembered);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(() => {
    const failure = ssoFailure(window.location.search);
    return failure ? t(failure) : null;
  });
  const [notice, setNotice] = useState<string | null>(params.has('signedOut') ? t('signin.signedOut') : null);
  const [sso, setSso] = useState<SsoOffer | null>(null);

  useEffect(() => {
    // a failed single sign-on came back with ?sso=<reason>: said once, then gone from the address
    if (params.has('sso')) {
      params.delete('sso');
      const rest = params.toString();
      window.history.replaceState(null, '', window.location.pathname + (rest ? `?${rest}` : ''));
    }
  }, []);

  useEffect(() => {
    // whether the organisation typed offers single sign-on, asked once typing pauses
    setSso(null);
    if (!tenant.trim()) return;
    const aborted = new AbortController();
    const timer = window.setTimeout(() => {
      void ssoOffer(tenant, aborted.signal).then((offer) => {
        if (!aborted.signal.aborted) setSso(offer);
      });
    }, 300);
    return () => {
      window.clearTimeout(timer);
      aborted.abort();
    };
  }, [tenant]);

  const startSso = () => {
    try {
      window.localStorage.setItem(TENANT_PREFERENCE, tenant.trim());
    } catch {
      // a preference only
    }
    go(ssoStart(tenant));
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    setError(null);
    setNotice(null);
  };

  /** After any way of signing in: where the person belongs, or back to where they were sent from. */
  const arrive = async (result: SignInResult) => {
    if (!result.ok) return false;
    const { data: me } = await api.GET('/api/me');
    go(safeNext(params.get('next')) ?? (me ? homeOf(me) : '/app'));
    return true;
  };

  useEffect(() => {
    if (mode !== 'opening') return;
    const token = tokenOf(window.location.hash) ?? '';
    window.history.replaceState(null, '', '/sign-in'); // the token is used once; keep it out of the history
    void signInWithLink(token).then(async (result) => {
      if (!(await arrive(result))) {
        setMode('link');
        setError(!result.ok ? result.problem.detail ?? t('signin.linkExpired') : t('signin.linkExpired'));
      }
    });
  }, []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch {
      setError(t('common.failed'));
    } finally {
      setBusy(false);
    }
  };

  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const result = await signIn(tenant.trim(), email.trim(), password, needsTotp ? totp.trim() : undefined);
      if (!result.ok) {
        const { problem } = result;
        if (problem.type === TOTP_REQUIRED) {
          setNeedsTotp(true);
          if (needsTotp) setError(problem.detail ?? t('signin.wrong'));
        } else if (problem.type === TOTP_ENROLMENT_REQUIRED) {
          setError(t('signin.enrolmentRequired'));
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
      await arrive(result);
    });
  };

  const submitLink = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { error: refused } = await api.POST('/api/auth/sign-in-link', { body: { tenant: tenant.trim(), email: email.trim() } });
      if (refused) setError(reason(refused, t('common.failed')));
      else setNotice(t('signin.linkSent'));
    });
  };

  const submitForgot = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { error: refused } = await api.POST('/api/auth/password-reset', { body: { tenant: tenant.trim(), email: email.trim() } });
      if (refused) setError(reason(refused, t('common.failed')));
      else setNotice(t('signin.resetSent'));
    });
  };

  const submitReset = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const token = tokenOf(window.location.hash) ?? '';
      const { error: refused } = await api.POST('/api/auth/password-reset/confirm', { body: { token, newPassword: password } });
      if (refused) {
        setError(reason(refused, t('common.failed')));
        return;
      }
      window.history.replaceState(null, '', '/');
      setPassword('');
      setMode('password');
      setNotice(t('signin.passwordChanged'));
    });
  };

  const tenantAndEmail = (
    <>
      <Field id="tenant" label={t('signin.tenant')} hint={t('signin.tenantHint')}>
        <input id="tenant" name="tenant" autoComplete="organization" required value={tenant}
          onChange={(event) => setTenant(event.target.value)} aria-describedby="tenant-hint" />
      </Field>
      <Field id="email" label={t('signin.email')}>
        <input id="email" name="email" type="email" autoComplete="username" required value={email}
          onChange={(event) => setEmail(event.target.value)} />
      </Field>
    </>
  );

  return (
    <main className="signin">
      <div className="card">
        <div className="brand">
          Auto<span>CRM</span>
        </div>
        <h1>{t(mode === 'reset' ? 'signin.newPasswordTitle' : mode === 'forgot' ? 'signin.forgotTitle' : 'signin.title')}</h1>
        {mode === 'password' && <p className="muted">{t('signin.subtitle')}</p>}
        {notice && !error && <p className="notice" role="status">{notice}</p>}
        {error && <p className="error" role="alert">{error}</p>}

        {mode === 'opening' && <p className="muted">{t('signin.opening')}</p>}

        {mode === 'password' && (
          <form onSubmit={submitPassword}>
            {tenantAndEmail}
            <Field id="password" label={t('signin.password')}>
              <input id="password" name="password" type="password" autoComplete="current-password" required
                value={password} onChange={(event) => setPassword(event.target.value)} />
            </Field>
            {needsTotp && (
              <Field id="totp" label={t('signin.totp')} hint={t('signin.totpHint')}>
                <input id="totp" name="totp" inputMode="numeric" autoComplete="one-time-code" required autoFocus
                  value={totp} onChange={(event) => setTotp(event.target.value)} aria-describedby="totp-hint" />
              </Field>
            )}
            <button className="button primary" type="submit" disabled={busy}>
              {busy ? t('signin.busy') : t('signin.submit')}
            </button>
          </form>
        )}

        {mode === 'password' && sso?.offered && (
          <div className="signin-sso">
            <p className="muted">{t('sso.or')}</p>
            <button type="button" className="button" onClick={startSso}>
              {sso.displayName ? t('sso.signInAt', { name: sso.displayName }) : t('sso.signIn')}
            </button>
          </div>
        )}

        {(mode === 'link' || mode === 'forgot') && (
          <form onSubmit={mode === 'link' ? submitLink : submitForgot}>
            <p className="muted">{t(mode === 'link' ? 'signin.linkIntro' : 'signin.forgotIntro')}</p>
            {tenantAndEmail}
            <button className="button primary" type="submit" disabled={busy}>
              {t(mode === 'link' ? 'signin.sendLink' : 'signin.sendReset')}
            </button>
          </form>
        )}

        {mode === 'reset' && (
          <form onSubmit={submitReset}>
            <Field id="new-password" label={t('signin.newPassword')} hint={t('signin.newPasswordHint')}>
              <input id="new-password" type="password" autoComplete="new-password" required minLength={8}
                value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby="new-password-hint" />
            </Field>
            <button className="button primary" type="submit" disabled={busy}>{t('signin.setPassword')}</button>
          </form>
        )}

        <nav className="signin-ways" aria-label={t('signin.otherWays')}>
          {mode !== 'password' && mode !== 'opening' && (
            <button type="button" className="link" onClick={() => switchTo('password')}>{t('signin.withPassword')}</button>
          )}
          {mode === 'password' && (
            <>
              <button type="button" className="link" onClick={() => switchTo('link')}>{t('signin.withLink')}</button>
              <button type="button" className="link" onClick={() => switchTo('forgot')}>{t('signin.forgot')}</button>
            </>
          )}
        </nav>
        <div className="language">
          <LanguagePicker />
        </div>
      </div>
    </main>
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
