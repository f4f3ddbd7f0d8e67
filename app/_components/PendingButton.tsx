'use client';

import { useTranslations } from 'next-intl';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

/**
 * A button for work that goes to the server: while `pending` it is disabled (no second
 * submission) and says that it is working, so a slow line never looks like a dead tap.
 */
export function PendingButton({
  pending,
  pendingLabel,
  children,
  disabled,
  className = '',
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { pending: boolean; pendingLabel?: ReactNode }) {
  const t = useTranslations('common');
  return (
    <button {...rest} type={type} disabled={pending || disabled} aria-busy={pending || undefined} className={`${className} gap-2`}>
      {pending && <Spinner />}
      {pending ? (pendingLabel ?? t('working')) : children}
    </button>
  );
}

export function Spinner({ className = 'h-4 w-4' }: { className?: string }) {
  return <span aria-hidden className={`inline-block shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent ${className}`} />;
}
