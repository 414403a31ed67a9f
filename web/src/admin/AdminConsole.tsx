import { lazy, Suspense, type JSX, useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, reason, type Schemas } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { Link, match, useLocation } from '../nav/router';
import type { MessageKey } from '../i18n/messages.en';
import { roleOf, type Me } from '../session/useMe';
import { Shell, type NavItem } from '../ui/Shell';
import { ApiKeys, AuditLog } from './ApiKeysAndAudit';
import { CustomFields } from './CustomFields';
import { Projections, TenantSecurity } from './Operations';
import { SingleSignOn } from './SingleSignOn';
import { move, positionChanges } from './order';
import { CannedResponses, StatusesAndPriorities } from './Workflow';
import { RoutingRules } from './rules/RoutingRules';
import { SlaSettings } from '../routing/SlaSettings';
import { AssignmentSettings } from '../routing/AssignmentSettings';

/** The roles a staff account can have (a select offers exactly these). */
type StaffRole = 'admin' | 'team_lead' | 'agent';

const ROLES = ['agent', 'team_lead', 'admin'] as const;

// The dashboard and its charting library load only when opened: a chunk of its own, not in any page's first load.
const Dashboard = lazy(() => import('../dashboard/Dashboard'));

export function AdminConsole({ me }: { me: Me }) {
  const { t } = useI18n();
  const { path } = useLocation();
  // the top bar holds few entries (more wrap it under the language switch); the settings pages have their own tabs
  const nav: NavItem[] = [
    { href: '/admin', label: 'admin.users' },
    { href: '/admin/categories', label: 'admin.categories' },
    { href: '/admin/settings', label: 'settings.title' },
    { href: '/admin/api-keys', label: 'admin.apiKeys' },
    { href: '/admin/audit', label: 'admin.audit' },
    { href: '/admin/dashboard', label: 'dashboard.title' },
    { href: '/app', label: 'nav.queue' },
  ];
  const dashboard = <Suspense fallback={<p className="empty">{t('common.loading')}</p>}><Dashboard /></Suspense>;
  // team leads manage their teams by the figures and their macros (004 §3.3): the dashboard and the canned
  // responses are theirs too, the rest of the console is not
  if (roleOf(me) === 'team_lead') {
    const leadNav: NavItem[] = [{ href: LEAD_MACROS, label: 'settings.canned' }, { href: RULES, label: 'rules.title' },
      { href: SLA, label: 'slaAdmin.title' }, { href: ASSIGNMENT, label: 'assign.title' }, ...nav.slice(-2)];
    return (
      <Shell me={me} nav={leadNav}>
        {match('/admin/dashboard', path) ? dashboard
          : match(LEAD_MACROS, path) ? <CannedResponses />
          : match(RULES, path) ? <RoutingRules canEdit={false} />
          : match(SLA, path) ? <SlaSettings canEdit={false} />
          : match(ASSIGNMENT, path) ? <AssignmentSettings />
          : <div className="card">{t('admin.notAllowed')}</div>}
      </Shell>
    );
  }
  if (roleOf(me) !== 'admin') {
    return <Shell me={me} nav={nav.slice(-1)}><div className="card">{t('admin.notAllowed')}</div></Shell>;
  }
  return (
    <Shell me={me} nav={nav}>
      {match('/admin/dashboard', path) ? dashboard
        : path.startsWith('/admin/settings') ? <Settings path={path} />
        : match('/admin/categories', path) ? <Categories />
        : match('/admin/api-keys', path) ? <ApiKeys />
        : match('/admin/audit', path) ? <AuditLog />
        : path === '/admin' || path === '/admin/' ? <Users />
        : <p className="empty">{t('common.notFound')}</p>}
    </Shell>
  );
}

const LEAD_MACROS = '/admin/settings/canned-responses';
// team leads read and dry-run the rules (routing-service docs/permissions.md); admins change them
const RULES = '/admin/settings/routing-rules';
// SLA calendars and policies: admins change them, team leads read them
const SLA = '/admin/settings/sla';
// group strategies and agents' settings: admins and team leads change them
const ASSIGNMENT = '/admin/settings/assignment';

const SETTINGS: { href: string; label: MessageKey; page: () => JSX.Element }[] = [
  { href: '/admin/settings', label: 'fields.title', page: CustomFields },
  { href: '/admin/settings/groups', label: 'admin.groups', page: Groups },
  { href: '/admin/settings/workflow', label: 'settings.workflow', page: StatusesAndPriorities },
  { href: '/admin/settings/canned-responses', label: 'settings.canned', page: CannedResponses },
  { href: RULES, label: 'rules.title', page: () => <RoutingRules canEdit /> },
  { href: SLA, label: 'slaAdmin.title', page: () => <SlaSettings canEdit /> },
  { href: ASSIGNMENT, label: 'assign.title', page: AssignmentSettings },
  { href: '/admin/settings/security', label: 'settings.security', page: TenantSecurity },
  { href: '/admin/settings/sso', label: 'sso.title', page: SingleSignOn },
  { href: '/admin/settings/projections', label: 'settings.projections', page: Projections },
];

/** The settings pages under one top-bar entry, with tabs of their own. */
function Settings({ path }: { path: string }) {
  const { t } = useI18n();
  const current = SETTINGS.find((entry) => entry.href === path.replace(/\/$/, ''));
  return (
    <>
      <nav className="tabs" aria-label={t('settings.title')}>
        {SETTINGS.map((entry) => (
          <Link key={entry.href} href={entry.href} className="tab" aria-current={entry === current ? 'page' : undefined}>{t(entry.label)}</Link>
        ))}
      </nav>
      {current ? <current.page /> : <p className="empty">{t('common.notFound')}</p>}
    </>
  );
}

/** Loads a list, and loads it again after a change. */
function useList<T>(load: () => Promise<T[]>): [T[] | null, () => void, string | null] {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    load().then(setItems, (failure: unknown) => setError(reason(failure, 'failed')));
  }, [load]);
  useEffect(reload, [reload]);
  return [items, reload, error];
}

function Users() {
  const { t } = useI18n();
  const load = useCallback(async () => ((await api.GET('/api/admin/users')).data ?? []) as Schemas['UserView'][], []);
  const [users, reload] = useList(load);
  const [form, setForm] = useState({ name: '', email: '', role: 'agent', password: '', groups: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const groups = form.groups.split(',').map((group) => group.trim()).filter(Boolean);
    const { error: refused } = await api.POST('/api/admin/users', { body: { ...form, role: form.role as Schemas['CreateUser']['role'], groups } });
    setBusy(false);
    if (refused) setError(reason(refused, t('common.failed')));
    else {
      setForm({ name: '', email: '', role: 'agent', password: '', groups: '' });
      reload();
    }
  };
  const deactivate = async (id: string) => {
    await api.POST('/api/admin/users/{id}/deactivate', { params: { path: { id } } });
    reload();
  };
  const [notice, setNotice] = useState<string | null>(null);
  const answered = (refused: unknown, done: string) => {
    if (refused) {
      setNotice(null);
      setError(reason(refused, t('common.failed')));
    } else {
      setError(null);
      setNotice(done);
    }
    reload();
  };
  const changeRole = async (user: Schemas['UserView'], role: StaffRole) => {
    const { error: refused } = await api.PUT('/api/admin/users/{id}/role', { params: { path: { id: user.id ?? '' } }, body: { role } });
    answered(refused, t('users.saved', { name: user.name ?? '' }));
  };
  const changeGroups = async (user: Schemas['UserView'], text: string) => {
    const groups = text.split(',').map((group) => group.trim()).filter(Boolean);
    if (groups.join(',') === (user.groups ?? []).join(',')) return;
    const { error: refused } = await api.PUT('/api/admin/users/{id}/groups', { params: { path: { id: user.id ?? '' } }, body: { groups } });
    answered(refused, t('users.saved', { name: user.name ?? '' }));
  };
  const resetTotp = async (user: Schemas['UserView']) => {
    const { error: refused } = await api.DELETE('/api/admin/users/{id}/totp', { params: { path: { id: user.id ?? '' } } });
    answered(refused, t('users.totpReset', { name: user.name ?? '' }));
  };
  return (
    <>
      <h1>{t('admin.users')}</h1>
      {notice && <p className="notice" role="status">{notice}</p>}
      <div className="admin-layout">
        <div className="card table-card">
          {users === null ? <p className="empty">{t('common.loading')}</p> : (
            <table className="table">
              <thead><tr><th>{t('admin.name')}</th><th>{t('signin.email')}</th><th>{t('admin.role')}</th>
                <th>{t('admin.groups')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id} className={user.active === false ? 'inactive' : undefined}>
                    <td>{user.name}</td>
                    <td>{user.email}</td>
                    <td>{user.active !== false && user.role && (ROLES as readonly string[]).includes(user.role) ? (
                      <select aria-label={t('users.changeRole', { name: user.name ?? '' })} value={user.role}
                        onChange={(e) => void changeRole(user, e.target.value as StaffRole)}>
                        {ROLES.map((role) => <option key={role} value={role}>{t(`role.${role}`)}</option>)}
                      </select>
                    ) : user.role && ['admin', 'team_lead', 'agent', 'customer'].includes(user.role)
                      ? t(`role.${user.role as 'admin'}`) : user.role}</td>
                    <td>{user.active !== false && user.role !== 'customer' ? (
                      <input aria-label={t('users.groupsOf', { name: user.name ?? '' })} defaultValue={user.groups?.join(', ')}
                        onBlur={(e) => void changeGroups(user, e.target.value)} />
                    ) : user.groups?.join(', ')}</td>
                    <td>{user.active === false ? <span className="muted">{t('admin.deactivated')}</span> : (
                      <div className="row">
                        <button type="button" className="button small" onClick={() => void resetTotp(user)}
                          aria-label={t('users.resetTotpNamed', { name: user.name ?? '' })}>{t('users.resetTotp')}</button>
                        <button type="button" className="button small" onClick={() => void deactivate(user.id ?? '')}>
                          {t('admin.deactivate')}
                        </button>
                      </div>
                    )}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <form className="card" onSubmit={create}>
          <h2>{t('admin.newUser')}</h2>
          {error && <p className="error" role="alert">{error}</p>}
          <div className="field"><label htmlFor="user-name">{t('admin.name')}</label>
            <input id="user-name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></div>
          <div className="field"><label htmlFor="user-email">{t('signin.email')}</label>
            <input id="user-email" type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} /></div>
          <div className="field"><label htmlFor="user-role">{t('admin.role')}</label>
            <select id="user-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              {ROLES.map((role) => <option key={role} value={role}>{t(`role.${role}`)}</option>)}
            </select></div>
          <div className="field"><label htmlFor="user-groups">{t('admin.groups')}</label>
            <input id="user-groups" value={form.groups} aria-describedby="user-groups-hint"
              onChange={(e) => setForm({ ...form, groups: e.target.value })} />
            <span id="user-groups-hint" className="hint">{t('admin.groupsHint')}</span></div>
          <div className="field"><label htmlFor="user-password">{t('admin.initialPassword')}</label>
            <input id="user-password" type="password" autoComplete="new-password" required minLength={8} value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })} /></div>
          <button type="submit" className="button primary" disabled={busy}>{t('admin.create')}</button>
        </form>
      </div>
    </>
  );
}

function Groups() {
  const { t } = useI18n();
  const load = useCallback(async () => ((await api.GET('/api/admin/groups')).data ?? []) as Schemas['GroupView'][], []);
  const [groups, reload] = useList(load);
  const [form, setForm] = useState({ id: '', name: '' });
  const [error, setError] = useState<string | null>(null);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const { error: refused } = await api.POST('/api/admin/groups', { body: form });
    if (refused) setError(reason(refused, t('common.failed')));
    else {
      setForm({ id: '', name: '' });
      reload();
    }
  };
  return (
    <>
      <h1>{t('admin.groups')}</h1>
      <div className="admin-layout">
        <div className="card table-card">
          {groups === null ? <p className="empty">{t('common.loading')}</p> : groups.length === 0
            ? <p className="empty">{t('admin.noGroups')}</p> : (
              <table className="table">
                <thead><tr><th>{t('admin.groupId')}</th><th>{t('admin.name')}</th></tr></thead>
                <tbody>{groups.map((group) => <tr key={group.id}><td><code>{group.id}</code></td><td>{group.name}</td></tr>)}</tbody>
              </table>
            )}
        </div>
        <form className="card" onSubmit={create}>
          <h2>{t('admin.newGroup')}</h2>
          {error && <p className="error" role="alert">{error}</p>}
          <div className="field"><label htmlFor="group-id">{t('admin.groupId')}</label>
            <input id="group-id" required pattern="[a-z0-9-]+" value={form.id} aria-describedby="group-id-hint"
              onChange={(e) => setForm({ ...form, id: e.target.value })} />
            <span id="group-id-hint" className="hint">{t('admin.groupIdHint')}</span></div>
          <div className="field"><label htmlFor="group-name">{t('admin.name')}</label>
            <input id="group-name" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></div>
          <button type="submit" className="button primary">{t('admin.create')}</button>
        </form>
      </div>
    </>
  );
}

function Categories() {
  const { t } = useI18n();
  const load = useCallback(async () => ((await api.GET('/api/tickets/categories', { params: { query: { includeArchived: true } } }))
    .data?.categories ?? []).sort((a, b) => (a.position ?? 0) - (b.position ?? 0)), []);
  const [categories, reload] = useList(load);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const { error: refused } = await api.POST('/api/tickets/categories', { body: { name: name.trim() } });
    if (refused) setError(reason(refused, t('common.failed')));
    else {
      setName('');
      reload();
    }
  };
  const archive = async (id: string) => {
    const { error: refused } = await api.DELETE('/api/tickets/categories/{id}', { params: { path: { id } } });
    if (refused) setError(reason(refused, t('common.failed')));
    reload();
  };
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!renaming) return;
    const { error: refused } = await api.PUT('/api/tickets/categories/{id}', { params: { path: { id: renaming.id } },
      body: { name: renaming.name.trim() } });
    if (refused) setError(reason(refused, t('common.failed')));
    else setRenaming(null);
    reload();
  };
  // positions are the order customers and agents see; after a move every category whose place changed is saved
  const reorder = async (index: number, by: -1 | 1) => {
    if (!categories) return;
    for (const change of positionChanges(move(categories, index, by))) {
      const { error: refused } = await api.PUT('/api/tickets/categories/{id}', { params: { path: { id: change.id } },
        body: { position: change.position } });
      if (refused) {
        setError(reason(refused, t('common.failed')));
        break;
      }
    }
    reload();
  };
  return (
    <>
      <h1>{t('admin.categories')}</h1>
      <div className="admin-layout">
        <div className="card table-card" data-testid="categories">
          {categories === null ? <p className="empty">{t('common.loading')}</p> : categories.length === 0
            ? <p className="empty">{t('admin.noCategories')}</p> : (
              <table className="table">
                <thead><tr><th>{t('admin.name')}</th><th>{t('admin.state')}</th><th><span className="visually-hidden">{t('admin.actions')}</span></th></tr></thead>
                <tbody>{categories.map((category, index) => (
                  <tr key={category.categoryId} className={category.archived ? 'inactive' : undefined}>
                    <td>{renaming && renaming.id === category.categoryId ? (
                      <form className="row" onSubmit={(event) => void rename(event)}>
                        <input aria-label={t('categories.rename', { name: category.name ?? '' })} required maxLength={100}
                          value={renaming.name} onChange={(e) => { const name = e.target.value; setRenaming((current) => current && { ...current, name }); }} />
                        <button type="submit" className="button small">{t('common.save')}</button>
                        <button type="button" className="button small" onClick={() => setRenaming(null)}>{t('common.cancel')}</button>
                      </form>
                    ) : category.name}</td>
                    <td>{category.archived ? t('admin.archived') : t('admin.active')}</td>
                    <td>{!category.archived && (
                      <div className="row">
                        <button type="button" className="button small" disabled={index === 0}
                          aria-label={t('settings.moveUp', { name: category.name ?? '' })} onClick={() => void reorder(index, -1)}>↑</button>
                        <button type="button" className="button small" disabled={index === categories.length - 1}
                          aria-label={t('settings.moveDown', { name: category.name ?? '' })} onClick={() => void reorder(index, 1)}>↓</button>
                        <button type="button" className="button small" aria-label={t('fields.editNamed', { label: category.name ?? '' })}
                          onClick={() => setRenaming({ id: category.categoryId ?? '', name: category.name ?? '' })}>{t('fields.edit')}</button>
                        <button type="button" className="button small" onClick={() => void archive(category.categoryId ?? '')}>
                          {t('admin.archive')}
                        </button>
                      </div>
                    )}</td>
                  </tr>
                ))}</tbody>
              </table>
            )}
        </div>
        <form className="card" onSubmit={create}>
          <h2>{t('admin.newCategory')}</h2>
          {error && <p className="error" role="alert">{error}</p>}
          <div className="field"><label htmlFor="category-name">{t('admin.name')}</label>
            <input id="category-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} /></div>
          <button type="submit" className="button primary">{t('admin.create')}</button>
        </form>
      </div>
    </>
  );
}
