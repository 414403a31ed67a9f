import { useEffect, useState, type ReactNode } from 'react';
import { api, type Schemas } from '../api/client';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { currentToken } from './session';

export type Me = Schemas['Me'];
export type Role = 'admin' | 'team_lead' | 'agent' | 'customer';

export function roleOf(me: Me): Role {
  const roles = me.roles ?? [];
  for (const role of ['admin', 'team_lead', 'agent', 'customer'] as const) {
    if (roles.includes(role)) return role;
  }
  return 'customer';
}

export function isStaff(me: Me): boolean {
  return roleOf(me) !== 'customer';
}

/** Where someone lands after signing in. */
export function homeOf(me: Me): string {
  return isStaff(me) ? '/app' : '/portal';
}

type State = { kind: 'loading' } | { kind: 'ready'; me: Me } | { kind: 'failed' };

/**
 * A page's session: restored from the refresh cookie (the access token of the page before is gone with it),
 * then who is signed in. Without a session the browser goes to the sign-in page and comes back after it.
 */
function Gate({ children }: { children: (me: Me) => ReactNode }) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    (async () => {
      if (!(await currentToken())) {
        const next = window.location.pathname + window.location.search;
        window.location.replace('/?next=' + encodeURIComponent(next));
        return;
      }
      const { data } = await api.GET('/api/me');
      if (live) setState(data ? { kind: 'ready', me: data } : { kind: 'failed' });
    })().catch(() => live && setState({ kind: 'failed' }));
    return () => {
      live = false;
    };
  }, []);
  if (state.kind === 'loading') return <p className="empty">{t('common.loading')}</p>;
  if (state.kind === 'failed') return <p className="empty error">{t('common.failed')}</p>;
  return <>{children(state.me)}</>;
}

export function SignedIn({ children }: { children: (me: Me) => ReactNode }) {
  return (
    <I18nProvider>
      <Gate>{children}</Gate>
    </I18nProvider>
  );
}
