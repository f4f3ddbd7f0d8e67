import { getFormatter, getTranslations } from 'next-intl/server';
import { addDays } from '@/server/domain/calendar';
import { SupervisionActions } from '../../../../_components/SupervisionActions';
import { formatLocalDay } from '../../../../_lib/local-day';

interface Order {
  id: string;
  instruction: string;
  dueOn: string;
  issuedAt: Date;
  issuedByName: string | null;
  response: string | null;
  respondedAt: Date | null;
  overdue: boolean;
}

/** 督办 on this case: each order with its answer; overdue ones in red, for the center and the supervisor alike. */
export async function SupervisionSection({ caseId, orders, canIssue, canAnswer, today }: { caseId: string; orders: Order[]; canIssue: boolean; canAnswer: boolean; today: string }) {
  if (orders.length === 0 && !canIssue) return null;
  const [t, format] = await Promise.all([getTranslations('supervision'), getFormatter()]);
  const day = (d: string) => formatLocalDay(format, d);
  const openOrder = orders.find((o) => !o.respondedAt) ?? null;
  return (
    <section aria-labelledby="supervision-title" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="supervision-title" className="font-medium">
        {t('title')}
      </h2>
      <ul className="mt-2 flex flex-col gap-2 text-sm">
        {orders.map((o) => (
          <li key={o.id} className={`rounded-lg border p-3 ${o.overdue ? 'border-red-300 bg-red-50' : 'border-slate-200'}`}>
            <p className="text-slate-500">
              {t('issuedBy', { name: o.issuedByName ?? '—', date: format.dateTime(o.issuedAt, { dateStyle: 'medium' }) })} · {t('due', { date: day(o.dueOn) })}
              {o.overdue && <span className="ml-2 font-medium text-red-700">{t('overdue')}</span>}
            </p>
            <p className="mt-1 whitespace-pre-wrap">{o.instruction}</p>
            {o.response ? (
              <p className="mt-2 whitespace-pre-wrap border-l-2 border-brand-600 pl-2">
                <span className="text-slate-500">{t('answeredOn', { date: format.dateTime(o.respondedAt!, { dateStyle: 'medium' }) })}</span> {o.response}
              </p>
            ) : (
              <p className="mt-1 text-amber-700">{t('waiting')}</p>
            )}
          </li>
        ))}
      </ul>
      <SupervisionActions target={{ caseId }} canIssue={canIssue && !openOrder} openOrderId={canAnswer && openOrder ? openOrder.id : null} minDue={addDays(today, 1)} />
    </section>
  );
}
