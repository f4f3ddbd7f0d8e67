'use client';

import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { DropdownMenu } from 'radix-ui';
import { LanguageSwitcher } from './LanguageSwitcher';

export function UserMenu({ name, roleLabel }: { name: string; roleLabel: string }) {
  const t = useTranslations('nav');
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex min-h-11 items-center gap-2 rounded-full border border-slate-200 bg-white px-3 text-sm hover:bg-slate-50"
        aria-label={t('account')}
      >
        <span className="flex h-6 w-6 items-center justify-center rounded-full bg-brand-600 text-xs text-white" aria-hidden>
          {name.slice(0, 1)}
        </span>
        <span className="max-w-24 truncate sm:max-w-32">{name}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-52 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Label className="px-3 py-2 text-xs text-slate-600">{roleLabel}</DropdownMenu.Label>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <div className="px-2 py-1">
            <span className="block px-1 pb-1 text-xs text-slate-600">{t('language')}</span>
            <LanguageSwitcher />
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Item
            onSelect={() => void signOut({ callbackUrl: '/signin' })}
            className="flex min-h-11 cursor-pointer items-center rounded px-3 text-sm outline-none data-[highlighted]:bg-slate-100"
          >
            {t('signOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
