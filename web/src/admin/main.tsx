import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useI18n } from '../i18n/i18n';
import { roleOf, SignedIn, type Me } from '../session/useMe';
import { Shell } from '../ui/Shell';
import '../ui/styles.css';

function AdminConsole({ me }: { me: Me }) {
  const { t } = useI18n();
  const nav = [{ href: '/admin', label: 'nav.admin' as const }, { href: '/app', label: 'nav.queue' as const }];
  return (
    <Shell me={me} nav={nav}>
      <h1>{t('admin.title')}</h1>
      <div className="card">{roleOf(me) === 'admin' ? t('admin.intro') : t('admin.notAllowed')}</div>
    </Shell>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SignedIn>{(me) => <AdminConsole me={me} />}</SignedIn>
  </StrictMode>,
);
