import type { ReactNode } from 'react';
import { LANGUAGES, useI18n, type Language } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages.en';
import { Link, useLocation } from '../nav/router';
import { signOut } from '../session/session';
import type { Me } from '../session/useMe';

export interface NavItem {
  href: string;
  label: MessageKey;
}

export function LanguagePicker({ className }: { className?: string }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className={className}>
      <span className="visually-hidden">{t('common.language')}</span>
      <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The bar every signed-in page has: product, its sections, who is signed in, language and sign-out. */
export function Shell({ me, nav, children, narrow, tools }: {
  me: Me; nav: NavItem[]; children: ReactNode; narrow?: boolean; /** page-specific controls beside the signed-in name */ tools?: ReactNode;
}) {
  const { t } = useI18n();
  const { path } = useLocation();
  const current = nav.filter((item) => path === item.href || path.startsWith(item.href + '/'))
    .sort((a, b) => b.href.length - a.href.length)[0];
  const leave = async () => {
    await signOut();
    window.location.assign('/?signedOut=1');
  };
  return (
    <>
      <a className="visually-hidden" href="#content">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <span className="brand">
          Auto<span>CRM</span>
        </span>
        <nav aria-label={t('nav.workspace')}>
          {nav.map((item) => (
            <Link key={item.href} href={item.href} aria-current={item === current ? 'page' : undefined}>
              {t(item.label)}
            </Link>
          ))}
        </nav>
        <div className="who">
          {tools}
          <span className="name" data-testid="signed-in-as">
            {me.name ?? me.email}
          </span>
          <LanguagePicker />
          <button type="button" className="button small" onClick={leave}>
            {t('common.signOut')}
          </button>
        </div>
      </header>
      <main id="content" className={narrow ? 'page narrow' : 'page'}>
        {children}
      </main>
    </>
  );
}
