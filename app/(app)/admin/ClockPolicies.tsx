'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ClockUnit } from '@/server/domain/tracks';
import { inputClass, secondaryButtonClass } from '../../_components/Field';
import { describeError, useTRPC } from '../../_lib/trpc';

/** The center's own lengths of the legal clocks, beside the statutory defaults. */
export function ClockPolicies() {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policies = useQuery(trpc.admin.clockPolicies.queryOptions());
  const [drafts, setDrafts] = useState<Record<string, { days: string; unit: ClockUnit }>>({});
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation(
    trpc.admin.setClockPolicy.mutationOptions({
      onSuccess: () => {
        setMessage(t('admin.saved'));
        return queryClient.invalidateQueries({ queryKey: trpc.admin.clockPolicies.queryKey() });
      },
      onError: (e) => setMessage(describeError(e).message),
    }),
  );
  const label = (key: string) => {
    const [kind, detail] = key.split(':');
    if (kind === 'acceptance') return t('case.clock.acceptance');
    if (kind === 'handling') return `${t('case.clock.handling')} · ${t(`tracks.${detail}`)}`;
    if (kind === 'follow_up') return `${t('followUp.title')} · ${t(`followUp.reason.${detail}`)}`;
    return t(`clock.kind.${kind}`);
  };

  return (
    <section className="mt-8 rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="clock-policies-title">
      <h2 id="clock-policies-title" className="mb-1 font-medium">
        {t('admin.clockTitle')}
      </h2>
      <p className="mb-3 text-sm text-slate-500">{t('admin.clockHint')}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4 font-medium">{t('admin.clock')}</th>
              <th scope="col" className="py-2 pr-4 font-medium">{t('admin.default')}</th>
              <th scope="col" className="py-2 pr-4 font-medium">{t('admin.own')}</th>
              <th scope="col" className="py-2" />
            </tr>
          </thead>
          <tbody>
            {(policies.data ?? []).map((p) => {
              const draft = drafts[p.key] ?? { days: p.days ? String(p.days) : '', unit: p.unit ?? p.defaultUnit };
              const unitLabel = (u: ClockUnit) => (u === 'working' ? t('admin.workingDays') : t('admin.calendarDays'));
              return (
                <tr key={p.key} className="border-t border-slate-100">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    {label(p.key)}
                    <span className="block text-xs text-slate-500">{t(p.source)}</span>
                  </th>
                  <td className="py-2 pr-4">
                    {p.defaultDays} {unitLabel(p.defaultUnit)}
                  </td>
                  <td className="py-2 pr-4">
                    <div className="flex gap-2">
                      <input
                        aria-label={`${label(p.key)} · ${t('admin.own')}`}
                        type="number"
                        min={1}
                        max={365}
                        className={`${inputClass} w-24`}
                        value={draft.days}
                        onChange={(e) => setDrafts({ ...drafts, [p.key]: { ...draft, days: e.target.value } })}
                      />
                      <select
                        aria-label={`${label(p.key)} · ${t('admin.unit')}`}
                        className="rounded-md border border-slate-300 bg-white px-2"
                        value={draft.unit}
                        onChange={(e) => setDrafts({ ...drafts, [p.key]: { ...draft, unit: e.target.value as ClockUnit } })}
                      >
                        <option value="calendar">{unitLabel('calendar')}</option>
                        <option value="working">{unitLabel('working')}</option>
                      </select>
                    </div>
                  </td>
                  <td className="py-2 text-right whitespace-nowrap">
                    <button
                      type="button"
                      className={`${secondaryButtonClass} px-3 py-1.5 text-sm`}
                      disabled={save.isPending || !draft.days}
                      onClick={() => save.mutate({ key: p.key, days: Number(draft.days), unit: draft.unit })}
                    >
                      {t('admin.saveClock')}
                    </button>
                    {p.days !== null && (
                      <button type="button" className="ml-2 min-h-11 text-brand-700 underline" disabled={save.isPending} onClick={() => save.mutate({ key: p.key, days: null, unit: p.defaultUnit })}>
                        {t('admin.resetClock')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {message && (
        <p role="status" className="mt-2 text-sm text-slate-700">
          {message}
        </p>
      )}
    </section>
  );
}
