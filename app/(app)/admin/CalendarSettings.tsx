'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { calendarDayKinds, type CalendarDayKind } from '@/server/domain/calendar';
import { ErrorMessage } from '../../_components/ErrorMessage';
import { Field, inputClass, secondaryButtonClass } from '../../_components/Field';
import { SelectField } from '../../_components/SelectField';
import { describeError, useTRPC } from '../../_lib/trpc';

/** The official calendar the clocks count: the admin enters each year's notice, and is warned when one is missing. */
export function CalendarSettings({ coverage }: { coverage: { year: number; coverage: 'confirmed' | 'provisional' | 'missing' }[] }) {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(coverage[0]!.year);
  const [day, setDay] = useState<{ date: string; kind: CalendarDayKind; name: string; source: string }>({ date: '', kind: 'holiday', name: '', source: '' });
  const [errors, setErrors] = useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const rows = useQuery(trpc.admin.holidays.queryOptions({ year }));
  const changed = () => {
    setErrors({ fields: {} });
    return queryClient.invalidateQueries({ queryKey: trpc.admin.holidays.queryKey() });
  };
  const onError = (e: unknown) => setErrors(describeError(e));
  const add = useMutation(trpc.admin.setHoliday.mutationOptions({ onSuccess: changed, onError }));
  const remove = useMutation(trpc.admin.removeHoliday.mutationOptions({ onSuccess: changed, onError }));

  return (
    <section className="mt-8 rounded-xl border border-slate-200 bg-white p-4" aria-labelledby="calendar-title">
      <h2 id="calendar-title" className="mb-1 font-medium">
        {t('calendarTitle')}
      </h2>
      <p className="mb-3 text-sm text-slate-500">{t('calendarHint')}</p>
      {coverage
        .filter((c) => c.coverage !== 'confirmed')
        .map((c) => (
          <p key={c.year} role="alert" className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t(c.coverage === 'missing' ? 'calendarMissing' : 'calendarProvisional', { year: c.year })}
          </p>
        ))}
      <div className="mb-3 max-w-40">
        <SelectField
          id="calendar-year"
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
          options={[year - 1, ...coverage.map((c) => c.year)].filter((y, i, all) => all.indexOf(y) === i).map((y) => ({ value: String(y), label: String(y) }))}
          placeholder={t('year')}
        />
      </div>
      <ul className="mb-4 grid gap-1 text-sm sm:grid-cols-2">
        {(rows.data ?? []).map((r) => (
          <li key={r.date} className="flex items-center justify-between gap-2 rounded border border-slate-100 px-2">
            <span>
              <span className="font-mono">{r.date}</span> · {r.kind === 'holiday' ? t('holiday') : t('workday')} · {r.name}
              {r.provisional && <span className="ml-1 text-xs text-amber-800">（{t('provisional')}）</span>}
            </span>
            <button type="button" className="min-h-11 px-2 text-brand-700 underline" disabled={remove.isPending} onClick={() => remove.mutate({ date: r.date })}>
              {t('removeDay')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="grid gap-3 sm:grid-cols-5 sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(day);
        }}
      >
        <Field id="holiday-date" label={t('date')} error={errors.fields.date}>
          <input id="holiday-date" type="date" className={inputClass} value={day.date} onChange={(e) => setDay({ ...day, date: e.target.value })} />
        </Field>
        <Field id="holiday-kind" label={t('dayKind')} error={errors.fields.kind}>
          <SelectField
            id="holiday-kind"
            value={day.kind}
            onChange={(v) => setDay({ ...day, kind: v as CalendarDayKind })}
            options={calendarDayKinds.map((k) => ({ value: k, label: t(k) }))}
            placeholder={t('dayKind')}
          />
        </Field>
        <Field id="holiday-name" label={t('dayName')} error={errors.fields.name}>
          <input id="holiday-name" className={inputClass} value={day.name} onChange={(e) => setDay({ ...day, name: e.target.value })} />
        </Field>
        <Field id="holiday-source" label={t('source')} error={errors.fields.source}>
          <input id="holiday-source" className={inputClass} value={day.source} onChange={(e) => setDay({ ...day, source: e.target.value })} />
        </Field>
        <button type="submit" className={secondaryButtonClass} disabled={add.isPending}>
          {t('addDay')}
        </button>
      </form>
      {errors.message && !Object.keys(errors.fields).length && <ErrorMessage className="mt-2">{errors.message}</ErrorMessage>}
    </section>
  );
}
