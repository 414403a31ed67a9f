import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, reason, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** The scopes an API key may carry (docs/permissions.md). */
export const SCOPES = ['tickets:read', 'tickets:write', 'customers:read', 'customers:write', 'routing:read', 'routing:write',
  'admin'] as const;

export function ApiKeys() {
  const { t, dateTime } = useI18n();
  const [keys, setKeys] = useState<Schemas['ApiKeyView'][] | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['tickets:read']);
  const [created, setCreated] = useState<Schemas['CreatedApiKey'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    void api.GET('/api/admin/api-keys').then(({ data }) => setKeys((data ?? []) as Schemas['ApiKeyView'][]));
  }, []);
  useEffect(reload, [reload]);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const { data, error: refused } = await api.POST('/api/admin/api-keys', { body: { name: name.trim(), scopes: scopes as Schemas['CreateApiKey']['scopes'] } });
    if (refused || !data) {
      setError(reason(refused, t('common.failed')));
      return;
    }
    setCreated(data as Schemas['CreatedApiKey']);
    setName('');
    reload();
  };
  const revoke = async (id: string) => {
    await api.DELETE('/api/admin/api-keys/{id}', { params: { path: { id } } });
    reload();
  };
  const toggle = (scope: string) =>
    setScopes((was) => (was.includes(scope) ? was.filter((s) => s !== scope) : [...was, scope]));
  return (
    <>
      <h1>{t('admin.apiKeys')}</h1>
      {created && (
        <div className="dialog" role="status" data-testid="created-key">
          <h2>{t('admin.keyCreated', { name: created.name ?? '' })}</h2>
          <p>{t('admin.keyShownOnce')}</p>
          <p><code className="secret">{created.key}</code></p>
          <button type="button" className="button" onClick={() => setCreated(null)}>{t('common.close')}</button>
        </div>
      )}
      <div className="admin-layout">
        <div className="card table-card">
          {keys === null ? <p className="empty">{t('common.loading')}</p> : keys.length === 0
            ? <p className="empty">{t('admin.noKeys')}</p> : (
              <table className="table">
                <thead><tr><th>{t('admin.name')}</th><th>{t('admin.scopes')}</th><th>{t('admin.lastUsed')}</th>
                  <th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
                <tbody>{keys.map((key) => (
                  <tr key={key.id} className={key.revokedAt ? 'inactive' : undefined}>
                    <td>{key.name}</td>
                    <td>{key.scopes?.join(', ')}</td>
                    <td>{key.lastUsedAt ? dateTime(key.lastUsedAt) : t('common.none')}</td>
                    <td>{key.revokedAt ? t('admin.revoked') : (
                      <button type="button" className="button small" onClick={() => void revoke(key.id ?? '')}>{t('admin.revoke')}</button>
                    )}</td>
                  </tr>
                ))}</tbody>
              </table>
            )}
        </div>
        <form className="card" onSubmit={create}>
          <h2>{t('admin.newKey')}</h2>
          {error && <p className="error" role="alert">{error}</p>}
          <div className="field"><label htmlFor="key-name">{t('admin.name')}</label>
            <input id="key-name" required value={name} onChange={(e) => setName(e.target.value)} /></div>
          <fieldset className="field scopes">
            <legend>{t('admin.scopes')}</legend>
            {SCOPES.map((scope) => (
              <label key={scope} className="check">
                <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} /> <code>{scope}</code>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button primary" disabled={scopes.length === 0}>{t('admin.create')}</button>
        </form>
      </div>
    </>
  );
}

export function AuditLog() {
  const { t, dateTime } = useI18n();
  const [page, setPage] = useState(0);
  const [audit, setAudit] = useState<Schemas['AuditPage'] | null>(null);
  useEffect(() => {
    void api.GET('/api/admin/audit', { params: { query: { page, size: 50 } } })
      .then(({ data }) => setAudit((data ?? null) as Schemas['AuditPage'] | null));
  }, [page]);
  const total = audit?.total ?? 0;
  return (
    <>
      <h1>{t('admin.audit')}</h1>
      <div className="card table-card">
        {audit === null ? <p className="empty">{t('common.loading')}</p> : (
          <table className="table">
            <thead><tr><th>{t('admin.when')}</th><th>{t('admin.event')}</th><th>{t('signin.email')}</th><th>{t('admin.address')}</th></tr></thead>
            <tbody>{(audit.items ?? []).map((entry) => (
              <tr key={entry.id}>
                <td>{dateTime(entry.at)}</td>
                <td><code>{entry.type}</code></td>
                <td>{entry.email ?? t('common.none')}</td>
                <td>{entry.clientAddress}</td>
              </tr>
            ))}</tbody>
          </table>
        )}
      </div>
      <div className="row pager">
        <button type="button" className="button small" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('admin.newer')}</button>
        <span className="muted">{t('admin.pageOf', { page: page + 1, pages: Math.max(1, Math.ceil(total / 50)) })}</span>
        <button type="button" className="button small" disabled={(page + 1) * 50 >= total} onClick={() => setPage(page + 1)}>{t('admin.older')}</button>
      </div>
    </>
  );
}
