import { useCallback, useEffect, useState } from 'react';
import { api, reason, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** The tenant's security settings: whether every staff member must use an authenticator (TOTP). */
export function TenantSecurity() {
  const { t } = useI18n();
  const [tenant, setTenant] = useState<Schemas['Tenant'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    api.GET('/api/admin/tenant').then(({ data, error: refused }) => (refused ? setError(reason(refused, t('common.failed'))) : setTenant(data ?? null)));
  }, [t]);
  const setRequireTotp = async (requireTotp: boolean) => {
    setError(null);
    setNotice(null);
    const { data, error: refused } = await api.PUT('/api/admin/tenant/settings', { body: { requireTotp } });
    if (refused) setError(reason(refused, t('common.failed')));
    else {
      setTenant(data ?? null);
      setNotice(t('settings.saved'));
    }
  };
  return (
    <>
      <h1>{t('settings.security')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      {!tenant ? (!error && <p className="empty">{t('common.loading')}</p>) : (
        <div className="card">
          <p className="muted">{tenant.name} · <code>{tenant.id}</code></p>
          <div className="field">
            <label className="row" htmlFor="require-totp">
              <input id="require-totp" type="checkbox" checked={!!tenant.settings?.requireTotp}
                onChange={(e) => void setRequireTotp(e.target.checked)} aria-describedby="require-totp-hint" />
              {t('settings.requireTotp')}
            </label>
            <span id="require-totp-hint" className="hint">{t('settings.requireTotpHint')}</span>
          </div>
        </div>
      )}
    </>
  );
}

interface ProjectionRow {
  name?: string;
  alias?: string;
  indices?: string[];
  listenerRunning?: boolean;
  lagEvents?: number;
  lagSeconds?: number;
  deadLetters?: number;
}

/** The query side's projections (query-service): listener, lag, dead letters; rebuild one and follow it. */
export function Projections() {
  const { t } = useI18n();
  const [rows, setRows] = useState<ProjectionRow[] | null>(null);
  const [rebuilds, setRebuilds] = useState<Record<string, Schemas['RebuildStatus']>>({});
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.GET('/api/admin/projections').then(({ data, error: refused }) => (refused
      ? setError(reason(refused, t('common.failed'))) : setRows((data ?? []) as ProjectionRow[])));
  }, [t]);
  useEffect(reload, [reload]);
  const running = Object.values(rebuilds).some((status) => status.state === 'RUNNING');
  useEffect(() => {
    if (!running) return;
    // a rebuild runs in the background; its status is read again until it has finished
    const timer = window.setInterval(() => {
      for (const name of Object.keys(rebuilds)) {
        api.GET('/api/admin/projections/{name}/rebuild', { params: { path: { name } } }).then(({ data }) => {
          if (data) setRebuilds((all) => ({ ...all, [name]: data }));
          if (data?.state !== 'RUNNING') reload();
        });
      }
    }, 2000);
    return () => window.clearInterval(timer);
  }, [running, rebuilds, reload]);
  const rebuild = async (name: string) => {
    setError(null);
    const { data, error: refused } = await api.POST('/api/admin/projections/{name}/rebuild', { params: { path: { name } } });
    if (refused) setError(reason(refused, t('common.failed')));
    else if (data) setRebuilds((all) => ({ ...all, [name]: data as Schemas['RebuildStatus'] }));
  };
  return (
    <>
      <h1>{t('settings.projections')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="card table-card">
        {rows === null ? (!error && <p className="empty">{t('common.loading')}</p>) : (
          <table className="table">
            <thead><tr><th>{t('admin.name')}</th><th>{t('settings.indices')}</th><th>{t('settings.listener')}</th>
              <th>{t('settings.lag')}</th><th>{t('settings.deadLetters')}</th><th>{t('settings.rebuild')}</th></tr></thead>
            <tbody>{rows.map((row) => {
              const name = row.name ?? '';
              const status = rebuilds[name];
              return (
                <tr key={name}>
                  <td><code>{name}</code></td>
                  <td>{row.indices?.join(', ')}</td>
                  <td>{row.listenerRunning ? t('settings.running') : t('settings.stopped')}</td>
                  <td>{row.lagEvents === undefined ? '–' : t('settings.lagValue', { events: row.lagEvents, seconds: row.lagSeconds ?? 0 })}</td>
                  <td>{row.deadLetters ?? 0}</td>
                  <td>
                    <button type="button" className="button small" disabled={status?.state === 'RUNNING'}
                      aria-label={t('settings.rebuildNamed', { name })} onClick={() => void rebuild(name)}>{t('settings.rebuild')}</button>
                    {status && <div className="hint" role="status">
                      {t(`settings.rebuild.${status.state ?? 'RUNNING'}`)} · {t('settings.applied', { count: status.eventsApplied ?? 0 })}
                      {status.error ? ` · ${status.error}` : ''}</div>}
                  </td>
                </tr>
              );
            })}</tbody>
          </table>
        )}
      </div>
    </>
  );
}
