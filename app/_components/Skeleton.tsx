import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

/** Shown at once while a page loads, shaped like it, so a tap on a slow line visibly did something. */
export async function Loading({ children }: { children: ReactNode }) {
  const t = await getTranslations('common');
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-4">
      <span className="sr-only">{t('loading')}</span>
      <div aria-hidden className="flex animate-pulse flex-col gap-4">
        {children}
      </div>
    </div>
  );
}

export function Bar({ className = 'h-4 w-40' }: { className?: string }) {
  return <div className={`rounded bg-slate-200 ${className}`} />;
}

export function Card({ className = '', children }: { className?: string; children?: ReactNode }) {
  return <div className={`flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 ${className}`}>{children}</div>;
}

/** A page title and a list of cards, like the case lists. */
export function ListSkeleton({ rows = 4, grid = false }: { rows?: number; grid?: boolean }) {
  return (
    <>
      <Bar className="h-7 w-48" />
      <div className={grid ? 'grid gap-3 lg:grid-cols-2' : 'flex flex-col gap-3'}>
        {Array.from({ length: rows }, (_, i) => (
          <Card key={i}>
            <Bar className="h-3 w-36" />
            <Bar className="h-5 w-3/4" />
            <Bar className="h-3 w-1/2" />
          </Card>
        ))}
      </div>
    </>
  );
}

/** Labelled inputs in a card, like the petition form. */
export function FormSkeleton({ fields = 5 }: { fields?: number }) {
  return (
    <>
      <Bar className="h-7 w-40" />
      <Card>
        <Bar className="h-5 w-24" />
        {Array.from({ length: fields }, (_, i) => (
          <div key={i} className="flex flex-col gap-1">
            <Bar className="h-4 w-28" />
            <Bar className="h-11 w-full" />
          </div>
        ))}
      </Card>
    </>
  );
}
