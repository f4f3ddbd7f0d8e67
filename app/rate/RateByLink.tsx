'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ErrorMessage } from '../_components/ErrorMessage';
import { RatingForm } from '../_components/RatingForm';
import { describeError, useTRPC } from '../_lib/trpc';

/** Where this tab keeps the link's token after taking it out of the address. */
const tokenKey = 'onewindow.rating-link';
const tokenShape = /^[A-Za-z0-9_-]{32}$/;

/**
 * Reads the token from the address's fragment (never sent to a server), asks whether the link
 * can still be used, and takes the rating. Used links, expired ones and made-up ones each say so.
 */
export function RateByLink() {
  const t = useTranslations('rating');
  const trpc = useTRPC();
  const [done, setDone] = useState(false);
  const view = useMutation(trpc.rating.linkView.mutationOptions());
  const submit = useMutation(
    trpc.rating.submitByLink.mutationOptions({
      onSuccess: () => {
        window.sessionStorage.removeItem(tokenKey);
        setDone(true);
      },
    }),
  );
  const { mutate } = view;
  // The fragment exists only in the browser (null while rendered on the server). Once read it
  // leaves the address bar; the tab keeps it, so a reload still finds the form.
  const hash = useSyncExternalStore(
    () => () => {},
    () => window.location.hash.slice(1) || window.sessionStorage.getItem(tokenKey) || '',
    () => null,
  );
  useEffect(() => {
    if (!hash || !tokenShape.test(hash)) return;
    mutate({ token: hash });
    window.sessionStorage.setItem(tokenKey, hash);
    window.history.replaceState(null, '', window.location.pathname);
  }, [hash, mutate]);
  const token = view.variables?.token ?? hash;

  if (token === null || view.isPending || (tokenShape.test(token) && view.isIdle)) return <p role="status">…</p>;
  if (done) return <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900">{t('linkDone')}</p>;
  const state = tokenShape.test(token) ? view.data?.state : 'unknown';
  if (view.isError) return <ErrorMessage boxed>{describeError(view.error).message}</ErrorMessage>;
  if (!view.data || state !== 'open') {
    const message = state === 'used' ? t('linkUsed') : state === 'expired' ? t('linkExpired') : t('linkUnknown');
    return <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">{message}</p>;
  }
  const data = view.data as { caseNumber: string; centerName: string; followUp: boolean };
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">{t(data.followUp ? 'linkFollowUpIntro' : 'linkIntro', { center: data.centerName, caseNumber: data.caseNumber })}</p>
      <RatingForm
        idPrefix="link"
        pending={submit.isPending}
        error={submit.isError ? describeError(submit.error).message : null}
        onSubmit={(values) => submit.mutate({ token, level: values.level, tags: values.tags, comment: values.comment })}
      />
    </div>
  );
}
