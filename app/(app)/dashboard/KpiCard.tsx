import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatRate } from '@/server/domain/dashboard-tables';
import type { CenterDashboard } from '@/server/services/dashboard';
import { dashboardHref } from './scope';

type Figure = CenterDashboard['report']['figures'][number];

/** What a figure counts: cases, ratings, or steps owed by a date. */
function unitOf(id: Figure['id']) {
  if (id === 'satisfaction') return 'ratingsUnit';
  return id === 'callback_on_time' || id === 'rectification_on_time' || id === 'follow_up_done' ? 'stepsUnit' : 'cases';
}

/** A rate as people read it, exactly as the exports write it: one decimal of a percent, or a dash when nothing was due. */
export async function rateText(rate: number | null) {
  const [t, locale] = await Promise.all([getTranslations('dashboard'), getLocale()]);
  return formatRate(locale, rate) ?? t('noFigure');
}

/**
 * One indicator: its rate, the counts behind it (each opening its cases), and its definition;
 * for a frozen month, the frozen figure beside the live one when a later correction moved it.
 */
export async function KpiCard({ figure, frozen, scope }: { figure: Figure; frozen?: Figure; scope: { month: string; centerId?: string } }) {
  const [t, tk] = await Promise.all([getTranslations('dashboard'), getTranslations('kpi')]);
  const drill = (side: 'numerator' | 'denominator') => dashboardHref('/dashboard/cases', scope, { kpi: figure.id, side });
  return (
    <article className="flex flex-col gap-1 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4" aria-labelledby={`kpi-${figure.id}`}>
      <h3 id={`kpi-${figure.id}`} className="text-sm text-slate-600">
        {tk(`${figure.id}.name`)}
      </h3>
      <p className="text-2xl font-semibold tabular-nums sm:text-3xl" title={figure.cases.rate === null ? t('noFigureHint') : undefined}>
        {await rateText(figure.cases.rate)}
      </p>
      <p className="text-sm text-slate-700">
        <Link href={drill('numerator')} className="inline-flex min-h-11 items-center text-brand-700 underline" aria-label={`${tk(`${figure.id}.name`)}：${t('numerator')}`}>
          {figure.cases.numerator}
        </Link>
        {' / '}
        <Link href={drill('denominator')} className="inline-flex min-h-11 items-center text-brand-700 underline" aria-label={`${tk(`${figure.id}.name`)}：${t('denominator')}`}>
          {figure.cases.denominator}
        </Link>{' '}
        {t(unitOf(figure.id))}
      </p>
      {frozen && (frozen.cases.numerator !== figure.cases.numerator || frozen.cases.denominator !== figure.cases.denominator) && (
        <p className="text-sm text-amber-800">
          {t('frozenValue', { value: `${await rateText(frozen.cases.rate)} (${frozen.cases.numerator}/${frozen.cases.denominator})` })}
        </p>
      )}
      {figure.people && (
        <p className="text-sm text-slate-600">
          {t('ofPeople', { numerator: figure.people.numerator, denominator: figure.people.denominator })} · {await rateText(figure.people.rate)}
        </p>
      )}
      <details className="text-sm text-slate-600">
        <summary className="inline-flex min-h-11 cursor-pointer items-center">{t('definition')}</summary>
        <p>{tk(`${figure.id}.definition`)}</p>
        <p className="text-xs text-slate-500">{t('version', { version: figure.version })}</p>
      </details>
    </article>
  );
}
