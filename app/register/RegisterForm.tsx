'use client';

import { useMutation } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { Field, inputClass, primaryButtonClass, secondaryButtonClass } from '../_components/Field';
import { describeError, useTRPC } from '../_lib/trpc';
import { ErrorMessage } from '../_components/ErrorMessage';
import { PendingButton } from '../_components/PendingButton';

interface Values {
  phone: string;
  code: string;
  name: string;
  password: string;
}

export function RegisterForm() {
  const t = useTranslations('auth');
  const router = useRouter();
  const trpc = useTRPC();
  const [notice, setNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, getValues, setError, formState } = useForm<Values>({
    defaultValues: { phone: '', code: '', name: '', password: '' },
  });

  function showErrors(error: unknown) {
    const { message, fields } = describeError(error);
    const entries = Object.entries(fields);
    for (const [field, text] of entries) setError(field as Path<Values>, { message: text });
    setFormError(entries.length === 0 ? message : null);
  }

  const requestCode = useMutation(
    trpc.auth.requestCode.mutationOptions({
      onSuccess: (result) => {
        setFormError(null);
        setNotice(result.demoCode ? t('demoCode', { code: result.demoCode }) : t('codeSent'));
      },
      onError: showErrors,
    }),
  );
  const registerAccount = useMutation(trpc.auth.register.mutationOptions({ onError: showErrors }));

  async function onSubmit(values: Values) {
    setFormError(null);
    try {
      await registerAccount.mutateAsync(values);
    } catch {
      return; // onError has shown the messages
    }
    const signedIn = await signIn('credentials', { username: values.phone, password: values.password, redirect: false });
    if (signedIn?.ok) {
      router.replace('/my');
      router.refresh();
    }
  }

  const err = formState.errors;
  return (
    <form onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4" noValidate>
      <Field id="phone" label={t('phone')} error={err.phone?.message}>
        <div className="flex gap-2">
          <input
            id="phone"
            inputMode="numeric"
            autoComplete="tel"
            aria-invalid={!!err.phone}
            className={inputClass}
            {...register('phone')}
          />
          <PendingButton
            pending={requestCode.isPending}
            pendingLabel={t('sendingCode')}
            className={`${secondaryButtonClass} shrink-0 text-sm`}
            onClick={() => requestCode.mutate({ phone: getValues('phone') })}
          >
            {t('sendCode')}
          </PendingButton>
        </div>
      </Field>
      {notice && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {notice}
        </p>
      )}
      <Field id="code" label={t('code')} error={err.code?.message}>
        <input id="code" inputMode="numeric" autoComplete="one-time-code" aria-invalid={!!err.code} className={inputClass} {...register('code')} />
      </Field>
      <Field id="name" label={t('name')} error={err.name?.message}>
        <input id="name" autoComplete="name" aria-invalid={!!err.name} className={inputClass} {...register('name')} />
      </Field>
      <Field id="password" label={t('newPassword')} error={err.password?.message}>
        <input
          id="password"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!err.password}
          className={inputClass}
          {...register('password')}
        />
      </Field>
      <ErrorMessage boxed>{formError}</ErrorMessage>
      <PendingButton type="submit" pending={formState.isSubmitting} pendingLabel={t('creatingAccount')} className={primaryButtonClass}>
        {t('createAccount')}
      </PendingButton>
    </form>
  );
}
