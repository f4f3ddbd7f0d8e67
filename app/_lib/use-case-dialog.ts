'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { describeError } from './trpc';

/**
 * The state every action dialog of the case page shares: which dialog is open, the server's
 * errors for it, and mutation options that close it and refresh the page on success.
 */
export function useCaseDialog<Dialog extends string>() {
  const router = useRouter();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [errors, setErrors] = useState<{ message?: string; fields: Record<string, string> }>({ fields: {} });
  const close = () => {
    setDialog(null);
    setErrors({ fields: {} });
  };
  const open = (next: Dialog) => {
    setErrors({ fields: {} });
    setDialog(next);
  };
  const options = {
    onSuccess: () => {
      close();
      router.refresh();
    },
    onError: (e: unknown) => setErrors(describeError(e)),
  };
  // A message not tied to one field is shown above the dialog's button.
  const formError = errors.message && Object.keys(errors.fields).length === 0 ? errors.message : null;
  return { dialog, open, close, errors, options, formError };
}
