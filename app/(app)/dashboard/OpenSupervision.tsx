import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { formatLocalDay } from '../../_lib/local-day';

interface OpenOrder {
  id: string;
  caseId: string;
  caseNumber: string;
  title: string;
  centerName: string;
  instruction: string;
  dueOn: string;
  overdue: boolean;
}

/** Open 督办 at the top of the director's dashboard and the supervisor's region: overdue ones in red. */
export async function OpenSupervision({ orders, showCenter }: { orders: OpenOrder[]; showCenter: boolean }) {
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
              <Link href={`/cases/${o.caseId}`} className="inline-flex min-h-11 items-center font-mono text-xs text-brand-700 underline">
                {o.caseNumber}
              </Link>
              <span className="font-medium">{o.title}</span>
              {showCenter && <span className="text-slate-500">{o.centerName}</span>}
              <span className={o.overdue ? 'font-medium text-red-700' : 'text-amber-700'}>
                {t('due', { date: day(o.dueOn) })}
                {o.overdue && ` · ${t('overdue')}`}
              </span>
            </p>
            <p className="mt-1 whitespace-pre-wrap text-slate-700">{o.instruction}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
