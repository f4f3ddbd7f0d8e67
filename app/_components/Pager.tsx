import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Previous / next page links of a server-paged list; nothing when it fits on one page. */
export async function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations('pager');
  const link = 'inline-flex min-h-11 items-center px-2 text-brand-700 underline';
  return (
    <nav className="mt-4 flex items-center gap-4 text-sm" aria-label={t('page', { page, pages })}>
      {page > 1 && (
        <Link href={href(page - 1)} className={link}>
          {t('prev')}
        </Link>
      )}
      <span>{t('page', { page, pages })}</span>
      {page < pages && (
        <Link href={href(page + 1)} className={link}>
          {t('next')}
        </Link>
      )}
    </nav>
  );
}
