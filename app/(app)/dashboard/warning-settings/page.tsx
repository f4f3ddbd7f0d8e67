import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageTitle } from '../../../_components/PageTitle';
import { requireUser } from '../../../_lib/session';
import { WarningRuleForm } from './WarningRuleForm';

/** The director's settings of the center's early-warning rules. */
export default async function WarningSettingsPage() {
  const { api } = await requireUser('director');
  const [view, t] = await Promise.all([api.warnings.settings(), getTranslations()]);
  const staff = view.staff.map((s) => ({ id: s.id, label: `${s.name}（${t(`roles.${s.role}`)}）` }));
  return (
    <>
      <PageTitle>{t('warnings.settings')}</PageTitle>
      <p className="mb-3 text-sm text-slate-600">{t('warnings.settingsHint')}</p>
      <div className="flex max-w-xl flex-col gap-3">
        {view.rules.map((r) => (
          <WarningRuleForm
            key={r.rule}
            rule={r.rule}
            title={t(`dashboard.rule.${r.rule}`)}
            enabled={r.enabled}
            fields={r.fields}
            thresholds={r.thresholds}
            defaults={r.defaults}
            ownerId={r.owner?.id ?? null}
            staff={staff}
          />
        ))}
      </div>
      <Link href="/dashboard" className="mt-4 inline-flex min-h-11 items-center text-brand-700 underline">
        {t('dashboard.back')}
      </Link>
    </>
  );
}
