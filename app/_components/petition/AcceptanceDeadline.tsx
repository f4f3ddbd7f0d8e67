'use client';

import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useTRPC } from '../../_lib/trpc';

/**
 * A letter's or a transfer's acceptance deadline as the clerk types the date it was received:
 * counted on the server by the law's rules and the official calendar, with its explanation.
 */
export function AcceptanceDeadline({ receivedOn, rule }: { receivedOn: string; rule: { days: number; unit: 'calendar' | 'working' } }) {
  const t = useTranslations('clock');
  const trpc = useTRPC();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(receivedOn);
  const preview = useQuery({
    ...trpc.clock.preview.queryOptions({ start: `${receivedOn}T12:00:00+08:00`, days: rule.days, unit: rule.unit }),
    enabled: valid,
  });
  if (!valid || !preview.data) return null;
  const steps = preview.data.steps;
  return (
    <div className="rounded-md bg-brand-50 px-3 py-2 text-sm sm:col-span-2" aria-live="polite">
      <p className="font-medium">
        {t('previewLine', { due: steps[steps.length - 1]! })}
      </p>
      <details>
        <summary className="cursor-pointer py-1 text-brand-700">{t('explain')}</summary>
        <ol className="list-decimal pl-5 text-slate-700">
          {steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}
