import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { addDays } from '@/server/domain/calendar';
import { SupervisionActions } from '../../_components/SupervisionActions';
import { formatLocalDay } from '../../_lib/local-day';

interface OpenOrder {
  id: string;
  centerId: string;
  /** None for an order on the center as a whole. */
  caseId: string | null;
  caseNumber: string | null;
  title: string | null;
  centerName: string;
  instruction: string;
  dueOn: string;
  overdue: boolean;
}

/**
 * Open 督办 at the top of the director's dashboard and the supervisor's region: overdue ones in
 * red. An order on a case is answered on the case's page; one on the center, here.
 */
export async function OpenSupervision({ orders, showCenter, answerable = false, today }: { orders: OpenOrder[]; showCenter: boolean; answerable?: boolean; today: string }) {
  if (orders.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations('supervision'), getFormatter()]);
  const day = (d: string) => formatLocalDay(format, d);
  return (
    <section aria-labelledby="open-supervision" className="mb-4">
      <h2 id="open-supervision" className="mb-2 font-medium">
        {t('openTitle')}
      </h2>
      <ul className="flex flex-col gap-2 text-sm">
        {orders.map((o) => (
          <li key={o.id} className={`rounded-lg border bg-white p-3 ${o.overdue ? 'border-red-300' : 'border-amber-300'}`}>
            <p className="flex flex-wrap items-center gap-2">
              {o.caseId ? (
                <>
                  <Link href={`/cases/${o.caseId}`} className="inline-flex min-h-11 items-center font-mono text-xs text-brand-700 underline">
                    {o.caseNumber}
                  </Link>
                  <span className="font-medium">{o.title}</span>
                </>
              ) : (
                <span className="inline-flex min-h-11 items-center font-medium">{t('centerOrder')}</span>
              )}
              {showCenter && <span className="text-slate-500">{o.centerName}</span>}
              <span className={o.overdue ? 'font-medium text-red-700' : 'text-amber-700'}>
                {t('due', { date: day(o.dueOn) })}
                {o.overdue && ` · ${t('overdue')}`}
              </span>
            </p>
            <p className="mt-1 whitespace-pre-wrap text-slate-700">{o.instruction}</p>
            {answerable && !o.caseId && <SupervisionActions target={{ centerId: o.centerId }} canIssue={false} openOrderId={o.id} minDue={addDays(today, 1)} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
