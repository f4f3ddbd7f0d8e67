'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { activeHref } from '../_lib/active-nav';

export type NavItem = { href: string; label: string };

/** A navigation list with exactly one current item (or none), marked for screen readers. */
export function NavLinks({ items, linkClassName, onNavigate }: { items: NavItem[]; linkClassName: string; onNavigate?: () => void }) {
  const current = activeHref(usePathname(), items.map((i) => i.href));
  return items.map((item) => {
    const active = item.href === current;
    return (
      <Link
        key={item.href}
        href={item.href}
        onClick={onNavigate}
        aria-current={active ? 'page' : undefined}
        className={`${linkClassName} ${active ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`}
      >
        {item.label}
      </Link>
    );
  });
}
