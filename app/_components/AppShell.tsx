import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { SessionUser } from '@/server/auth/session-user';
import { homePathFor, type Role } from '@/server/domain/roles';
import { NavLinks, type NavItem } from './NavLinks';
import { PhoneMenu } from './PhoneMenu';
import { UserMenu } from './UserMenu';

function navFor(role: Role, t: (key: string) => string): NavItem[] {
  switch (role) {
    case 'petitioner':
      return [
        { href: '/my', label: t('myCases') },
        { href: '/my/new', label: t('newPetition') },
      ];
    case 'clerk':
      // Any staff member may own a rule's warnings (the director sees them on the dashboard).
      return [
        { href: '/intake', label: t('intake') },
        { href: '/warnings', label: t('warnings') },
      ];
    case 'director':
      return [
        { href: '/dashboard', label: t('dashboard') },
        { href: '/intake', label: t('intake') },
        { href: '/ratings', label: t('ratings') },
      ];
    case 'supervisor':
      return [
        { href: '/region', label: t('region') },
        { href: '/ratings', label: t('ratings') },
      ];
    case 'admin':
      return [{ href: '/admin', label: t('admin') }];
    default:
      return [
        { href: '/cases', label: t('panelCases') },
        { href: '/warnings', label: t('warnings') },
      ];
  }
}

/**
 * Petitioners get a phone-first single column with the navigation as large tabs; staff get
 * a laptop layout with a side navigation, which on a phone becomes a menu sheet. Nothing of
 * the frame is printed (receipts are).
 */
export async function AppShell({ user, unread, children }: { user: SessionUser; unread: number; children: ReactNode }) {
  const t = await getTranslations();
  const nav = navFor(user.role, (key) => t(`nav.${key}`));
  const brand = (
    <Link href={homePathFor(user.role)} className="text-lg font-bold text-brand-700" title={t('app.tagline')}>
      {t('app.name')}
    </Link>
  );
  const menu = (
    <div className="flex items-center gap-2">
      <Link
        href="/inbox"
        className="relative flex min-h-11 items-center whitespace-nowrap rounded-full px-3 text-sm text-slate-700 hover:bg-slate-100"
        aria-label={unread ? `${t('nav.inbox')} · ${t('inbox.unread', { n: unread })}` : t('nav.inbox')}
      >
        {t('nav.inbox')}
        {unread > 0 && <span className="ml-1 rounded-full bg-red-600 px-1.5 text-xs text-white">{unread}</span>}
      </Link>
      <UserMenu name={user.displayName} roleLabel={t(`roles.${user.role}`)} />
    </div>
  );

  if (user.role === 'petitioner') {
    return (
      <div className="mx-auto flex min-h-screen max-w-2xl flex-col">
        <header className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 print:hidden">
          {brand}
          {menu}
        </header>
        <nav aria-label={t('nav.menu')} className="grid grid-cols-2 gap-1 border-b border-slate-200 bg-white p-1 print:hidden">
          <NavLinks items={nav} linkClassName="rounded-md px-3 py-3 text-center text-base" />
        </nav>
        <main className="flex-1 p-4 print:p-0">{children}</main>
      </div>
    );
  }

  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block print:hidden">
        <div className="border-b border-slate-200 px-4 py-4">{brand}</div>
        <nav aria-label={t('nav.menu')} className="flex flex-col gap-1 p-2">
          <NavLinks items={nav} linkClassName="flex min-h-11 items-center rounded-md px-3 text-sm" />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-3 py-2 md:px-6 print:hidden">
          <div className="flex min-w-0 items-center gap-1 md:hidden">
            <PhoneMenu items={nav} roleLabel={t(`roles.${user.role}`)} appName={t('app.name')} />
            {brand}
          </div>
          <span className="hidden text-sm text-slate-600 md:inline">{t(`roles.${user.role}`)}</span>
          {menu}
        </header>
        <main className="flex-1 p-4 md:p-6 print:p-0">{children}</main>
      </div>
    </div>
  );
}
