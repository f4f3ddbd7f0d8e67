'use client';

import { useTranslations } from 'next-intl';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { NavLinks, type NavItem } from './NavLinks';

/** Staff navigation on a phone: a sheet from the left (Radix Dialog: focus trap, Escape, labelled). */
export function PhoneMenu({ items, roleLabel, appName }: { items: NavItem[]; roleLabel: string; appName: string }) {
  const t = useTranslations('nav');
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="-ml-2 flex h-11 w-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 md:hidden" aria-label={t('menu')}>
        <svg aria-hidden viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M4 6h16M4 12h16M4 18h16" />
        </svg>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-black/30" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col bg-white shadow-xl">
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
            <div>
              <Dialog.Title className="text-lg font-bold text-brand-700">{appName}</Dialog.Title>
              <Dialog.Description className="text-sm text-slate-600">{roleLabel}</Dialog.Description>
            </div>
            <Dialog.Close className="flex h-11 w-11 items-center justify-center rounded-md text-2xl text-slate-600 hover:bg-slate-100" aria-label={t('close')}>
              <span aria-hidden>×</span>
            </Dialog.Close>
          </div>
          <nav aria-label={t('menu')} className="flex flex-col gap-1 p-2">
            <NavLinks items={items} linkClassName="flex min-h-12 items-center rounded-md px-3 text-base" onNavigate={() => setOpen(false)} />
          </nav>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
