'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { categories } from '@/server/domain/case-status';
import { SelectField } from '../../_components/SelectField';

/** The frame of a per-category setting of the center: title, category picker, the editor, its message. */
export function CategorySettings({
  id,
  title,
  hint,
  category,
  onCategory,
  message,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  category: string;
  onCategory: (category: string) => void;
  message: string | null;
  children: ReactNode;
}) {
  const t = useTranslations();
  return (
    <section className="mt-8 rounded-xl border border-slate-200 bg-white p-4" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-1 font-medium">
        {title}
      </h2>
      <p className="mb-3 text-sm text-slate-500">{hint}</p>
      <div className="mb-3 max-w-xs">
        <SelectField
          id={`${id}-category`}
          value={category}
          onChange={onCategory}
          options={categories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          placeholder={t('petition.category')}
        />
      </div>
      {children}
      {message && (
        <p role="status" className="mt-2 text-sm text-slate-700">
          {message}
        </p>
      )}
    </section>
  );
}
