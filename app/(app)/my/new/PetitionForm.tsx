'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Controller, useForm, type Path } from 'react-hook-form';
import { Field, inputClass, primaryButtonClass } from '../../../_components/Field';
import { SelectField, type Option } from '../../../_components/SelectField';
import { describeError, useTRPC } from '../../../_lib/trpc';

interface Values {
  centerId: string;
  category: string;
  title: string;
  description: string;
}

export function PetitionForm({ centers, categories }: { centers: { id: string; name: string }[]; categories: Option[] }) {
  const t = useTranslations('petition');
  const router = useRouter();
  const trpc = useTRPC();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    defaultValues: { centerId: centers.length === 1 ? centers[0]!.id : '', category: '', title: '', description: '' },
  });
  const submit = useMutation(
    trpc.petition.submit.mutationOptions({
      onSuccess: (created) => {
        router.push(`/cases/${created.id}`);
        router.refresh();
      },
      onError: (error) => {
        const { message, fields } = describeError(error);
        for (const [field, text] of Object.entries(fields)) setError(field as Path<Values>, { message: text });
        setFormError(message);
      },
    }),
  );

  const err = formState.errors;
  return (
    <form
      onSubmit={handleSubmit((values) => {
        setFormError(null);
        submit.mutate(values as Parameters<typeof submit.mutate>[0]);
      })}
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      noValidate
    >
      <Field id="centerId" label={t('center')} error={err.centerId?.message}>
        <Controller
          control={control}
          name="centerId"
          render={({ field }) => (
            <SelectField
              id="centerId"
              value={field.value}
              onChange={field.onChange}
              options={centers.map((c) => ({ value: c.id, label: c.name }))}
              placeholder={t('chooseCenter')}
              invalid={!!err.centerId}
            />
          )}
        />
      </Field>
      <Field id="category" label={t('category')} error={err.category?.message}>
        <Controller
          control={control}
          name="category"
          render={({ field }) => (
            <SelectField
              id="category"
              value={field.value}
              onChange={field.onChange}
              options={categories}
              placeholder={t('chooseCategory')}
              invalid={!!err.category}
            />
          )}
        />
      </Field>
      <Field id="title" label={t('title')} hint={t('titleHint')} error={err.title?.message}>
        <input id="title" maxLength={100} aria-invalid={!!err.title} className={inputClass} {...register('title')} />
      </Field>
      <Field id="description" label={t('description')} hint={t('descriptionHint')} error={err.description?.message}>
        <textarea
          id="description"
          rows={6}
          maxLength={5000}
          aria-invalid={!!err.description}
          className={inputClass}
          {...register('description')}
        />
      </Field>
      {formError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      )}
      <button type="submit" disabled={submit.isPending || submit.isSuccess} className={primaryButtonClass}>
        {submit.isPending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
