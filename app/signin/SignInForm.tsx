'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field, inputClass, primaryButtonClass } from '../_components/Field';
import { ErrorMessage } from '../_components/ErrorMessage';
import { PendingButton } from '../_components/PendingButton';

interface Values {
  username: string;
  password: string;
}

const knownErrors = ['auth.invalidCredentials', 'auth.accountDisabled', 'auth.tooManyAttempts', 'auth.slowDown', 'errors.unavailable'];

export function SignInForm() {
  const t = useTranslations();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Values>({ defaultValues: { username: '', password: '' } });

  async function onSubmit(values: Values) {
    setError(null);
    const result = await signIn('credentials', { ...values, redirect: false });
    if (result?.ok && !result.error) {
      router.replace('/');
      router.refresh();
      return;
    }
    // The server names a catalog key, with the wait in seconds after a colon when rate limited.
    const [key, wait] = (result?.error ?? '').split(':');
    const seconds = Number(wait) || 15 * 60;
    setError(key && knownErrors.includes(key) ? t(key, { seconds, minutes: Math.ceil(seconds / 60) }) : t('auth.invalidCredentials'));
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-4" noValidate>
      <Field id="username" label={t('auth.username')}>
        <input id="username" autoComplete="username" required className={inputClass} {...register('username', { required: true })} />
      </Field>
      <Field id="password" label={t('auth.password')}>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
          {...register('password', { required: true })}
        />
      </Field>
      <ErrorMessage boxed>{error}</ErrorMessage>
      <PendingButton type="submit" pending={formState.isSubmitting} pendingLabel={t('auth.signingIn')} className={primaryButtonClass}>
        {t('auth.signIn')}
      </PendingButton>
    </form>
  );
}
