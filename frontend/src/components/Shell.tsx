import { useEffect, useState } from 'react';
import { Button, Tag } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { login, logout, type Role } from '../auth/auth';
import { useSession } from '../auth/useSession';
import { setLanguage } from '../i18n';

interface NavItem {
  key: string;
  label: string;
  roles?: Role[];
  signedIn?: boolean;
}

/** The menu adapts to the user's roles; items of features still being built lead to a notice. */
export function navItems(roles: Role[], authenticated: boolean): NavItem[] {
  const all: NavItem[] = [
    { key: '/', label: 'nav.home' },
    { key: '/search', label: 'nav.search' },
    { key: '/achievements', label: 'nav.achievements' },
    { key: '/demands', label: 'nav.demands' },
    { key: '/packages', label: 'nav.packages' },
    { key: '/service-offers', label: 'servicematch.nav.offers' },
    { key: '/service-requests', label: 'servicematch.nav.requests', roles: ['ENTERPRISE', 'COMMISSIONER', 'ADMIN'] },
    { key: '/achievements/new', label: 'nav.newAchievement', roles: ['UNIVERSITY'] },
    { key: '/demands/new', label: 'nav.newDemand', roles: ['ENTERPRISE'] },
    { key: '/me/organisation', label: 'nav.myOrganisation', roles: ['UNIVERSITY', 'ENTERPRISE', 'BROKER', 'COMMISSIONER'] },
    { key: '/me/organisation/imports', label: 'nav.imports', roles: ['UNIVERSITY'] },
    { key: '/negotiations', label: 'nav.negotiations', signedIn: true },
    { key: '/contracts', label: 'nav.contracts', signedIn: true },
    { key: '/broker', label: 'nav.broker', roles: ['BROKER', 'COMMISSIONER'] },
    { key: '/instruments', label: 'instrument.nav.instruments' },
    { key: '/me/bookings', label: 'instrument.nav.bookings', roles: ['ENTERPRISE', 'UNIVERSITY', 'COMMISSIONER'] },
    { key: '/me/engagements', label: 'credit.nav.engagements', signedIn: true },
    { key: '/blacklist', label: 'credit.nav.blacklist' },
    { key: '/admin/moderation', label: 'nav.moderation', roles: ['ADMIN'] },
    { key: '/services', label: 'voucher.nav.services', signedIn: true },
    { key: '/me/vouchers', label: 'voucher.nav.mine', roles: ['ENTERPRISE'] },
    { key: '/provider/vouchers', label: 'voucher.nav.provider', roles: ['COMMISSIONER', 'UNIVERSITY'] },
    { key: '/admin/vouchers', label: 'voucher.nav.admin', roles: ['ADMIN'] },
    { key: '/statistics/vouchers', label: 'voucher.nav.statistics', signedIn: true },
    { key: '/admin/blacklist', label: 'credit.nav.adminBlacklist', roles: ['ADMIN'] },
    { key: '/commissioners/notice', label: 'commissioner.nav.notice' },
    { key: '/commissioners/apply', label: 'commissioner.nav.apply', roles: ['UNIVERSITY', 'ENTERPRISE', 'BROKER', 'COMMISSIONER'] },
    { key: '/commissioners/consents', label: 'commissioner.nav.consents', roles: ['UNIVERSITY', 'ENTERPRISE', 'BROKER', 'COMMISSIONER'] },
    { key: '/commissioners/archive', label: 'commissioner.nav.archive', signedIn: true },
    { key: '/admin/commissioners', label: 'commissioner.nav.review', roles: ['ADMIN'] },
    { key: '/admin/commissioner-evaluations', label: 'commissioner.nav.evaluation', roles: ['ADMIN'] },
    { key: '/statistics/commissioners', label: 'commissioner.nav.statistics', signedIn: true },
    { key: '/admin/registration', label: 'nav.registration', roles: ['ADMIN'] },
    { key: '/statistics', label: 'nav.statistics', roles: ['ADMIN', 'COMMISSIONER', 'BROKER'] },
  ];
  return all.filter((item) =>
    (!item.signedIn || authenticated) && (!item.roles || (authenticated && item.roles.some((role) => roles.includes(role)))));
}

function useOnline(): boolean {
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

export default function Shell() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const online = useOnline();
  const [open, setOpen] = useState(false);
  const items = navItems(session.roles, session.authenticated);
  const selected = items
    .map((item) => item.key)
    .filter((key) => key === location.pathname || (key !== '/' && location.pathname.startsWith(`${key}/`)))
    .sort((a, b) => b.length - a.length)[0];

  useEffect(() => {
    document.title = t('app.name');
  }, [t, i18n.language]);
  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <div className="app-layout">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="app-header">
        <Link to="/" className="app-brand" aria-label={t('app.name')}>
          平凉<span className="brand-long">科技大市场</span>
        </Link>
        <Button className="nav-toggle" aria-expanded={open} aria-controls="app-nav" onClick={() => setOpen(!open)}>{t('app.menu')}</Button>
        <nav id="app-nav" className={`app-nav${open ? ' open' : ''}`} aria-label={t('app.menu')}>
          <ul className="nav-links">
            {items.map((item) => (
              <li key={item.key}>
                <Link to={item.key} aria-current={item.key === selected ? 'page' : undefined}>{t(item.label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-end">
          <Button
            type="text"
            lang={i18n.language === 'en' ? 'zh-CN' : 'en'}
            aria-label={`${t('app.language')}: ${t('app.switchLanguage')}`}
            onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
            data-testid="language-switch"
          >
            {t('app.switchLanguage')}
          </Button>
          {session.authenticated ? (
            <>
              <span className="user-name" data-testid="user-name" title={session.roles.map((role) => t(`roles.${role}`)).join('、')}>
                {session.name}
                {session.roles.slice(0, 1).map((role) => <Tag key={role} color={role === 'ADMIN' ? 'red' : 'green'} style={{ marginInlineStart: 6 }}>{t(`roles.${role}`)}</Tag>)}
              </span>
              <Button onClick={() => logout()} data-testid="logout">{t('app.logout')}</Button>
            </>
          ) : (
            <Button type="primary" onClick={() => login(i18n.language)} data-testid="login">
              {t('app.login')}
            </Button>
          )}
        </div>
      </header>
      {!online && <div className="offline-banner" role="status">{t('app.offline')}</div>}
      <main id="main" className="app-content" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}
