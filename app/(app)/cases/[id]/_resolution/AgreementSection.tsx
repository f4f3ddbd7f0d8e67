import { getFormatter, getTranslations } from 'next-intl/server';
import { AgreementEditor } from './AgreementEditor';
import { AgreementMarks } from './AgreementMarks';
import type { AgreementView, PartyOption } from './types';

const card = 'rounded-xl border border-slate-200 bg-white p-4 shadow-sm';

/**
 * The case's agreements: a draft (which the workers already see, marked as a draft) with the
 * marks it still needs, and effective ones, which can only be amended by a supplement.
 */
export async function AgreementSection({
  caseId,
  version,
  status,
  agreements,
  parties,
  actions,
  ownPartyIds,
}: {
  caseId: string;
  version: number;
  status: string;
  agreements: AgreementView[];
  parties: PartyOption[];
  actions: string[];
  ownPartyIds: string[];
}) {
  const [t, format] = await Promise.all([getTranslations('agreement'), getFormatter()]);
  const draft = agreements.find((a) => a.state === 'draft') ?? null;
  const effective = agreements.filter((a) => a.state === 'effective');
  const canDraft = actions.includes('draft_agreement');
  const money = (v: string | null) => (v ? `¥${format.number(Number(v), { minimumFractionDigits: 2 })}` : '');
  if (agreements.length === 0 && !canDraft) return null;

  return (
    <section className={card} aria-labelledby="agreement-title">
      <h2 id="agreement-title" className="mb-3 font-medium">
        {t('title')}
      </h2>
      {agreements.length === 0 && <p className="mb-3 text-sm text-slate-500">{t('none')}</p>}
      <div className="flex flex-col gap-4">
        {agreements.map((a) => (
          <article key={a.id} className="rounded-lg border border-slate-200 p-3" aria-label={a.number}>
            <header className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-sm text-slate-600">{a.number}</span>
              <span className={`rounded px-1.5 text-xs ${a.state === 'draft' ? 'bg-amber-100 text-amber-900' : 'bg-emerald-100 text-emerald-900'}`}>{t(`state.${a.state}`)}</span>
              {a.kind === 'oral' && <span className="rounded bg-slate-100 px-1.5 text-xs">{t('oral')}</span>}
              {a.supplementOf && <span className="rounded bg-slate-100 px-1.5 text-xs">{t('supplement')}</span>}
              {a.effectiveAt && <span className="text-xs text-slate-500">{t('effectiveOn', { date: format.dateTime(a.effectiveAt, { dateStyle: 'long' }) })}</span>}
            </header>
            {a.oralContent && <p className="mt-2 whitespace-pre-wrap text-sm">{a.oralContent}</p>}
            {(['facts', 'issues', 'responsibility'] as const)
              .filter((key) => a[key])
              .map((key) => (
                <div key={key} className="mt-2 text-sm">
                  <h3 className="text-slate-500">{t(key)}</h3>
                  <p className="whitespace-pre-wrap">{a[key]}</p>
                </div>
              ))}
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[32rem] text-left text-sm">
                <caption className="sr-only">{t('terms')}</caption>
                <thead className="text-slate-500">
                  <tr>
                    <th className="py-1 pr-2 font-normal">{t('obligor')}</th>
                    <th className="py-1 pr-2 font-normal">{t('obligee')}</th>
                    <th className="py-1 pr-2 font-normal">{t('description')}</th>
                    <th className="py-1 pr-2 text-right font-normal">{t('amount')}</th>
                    <th className="py-1 font-normal">{t('dueOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.terms.map((term) => (
                    <tr key={term.id} className={`border-t border-slate-100 ${ownPartyIds.includes(term.obligeePartyId ?? '') ? 'bg-brand-50' : ''}`}>
                      <td className="py-1 pr-2">{term.obligorName}</td>
                      <td className="py-1 pr-2">{term.obligeeName}</td>
                      <td className="py-1 pr-2">{term.description}</td>
                      <td className="py-1 pr-2 text-right tabular-nums">{money(term.amount)}</td>
                      <td className="py-1">{term.dueOn}</td>
                    </tr>
                  ))}
                </tbody>
                {a.terms.length > 1 && (
                  <tfoot>
                    <tr className="border-t border-slate-300 font-medium">
                      <td colSpan={3} className="py-1">
                        {t('total')}
                      </td>
                      <td className="py-1 pr-2 text-right tabular-nums">{money(a.total)}</td>
                      <td />
                    </tr>
                  </tfoot>
                )}
              </table>
            </div>
            {a.marks.length > 0 && (
              <p className="mt-2 text-xs text-slate-600">
                {t('marked')}
                {a.marks.map((m) => `${m.kind === 'party' ? m.partyName : t(`markKind.${m.kind}`)}（${t(`method.${m.method}`)}）`).join(t('separator'))}
              </p>
            )}
            {a.state === 'draft' && (
              <div className="mt-3 flex flex-col gap-3">
                <AgreementMarks caseId={caseId} version={version} agreement={a} actions={actions} ownPartyIds={ownPartyIds} />
                {canDraft && (
                  <div className="flex flex-wrap items-center gap-2">
                    <AgreementEditor key={`${a.id}-${version}`} caseId={caseId} version={version} parties={parties} draft={a} supplementOf={a.supplementOf} oral={false} label={t('editDraft')} />
                    {a.marks.length > 0 && <span className="text-xs text-slate-600">{t('editClearsMarks')}</span>}
                  </div>
                )}
              </div>
            )}
          </article>
        ))}
      </div>
      {canDraft && !draft && (
        <div className="mt-3 flex flex-wrap gap-2">
          {effective.length === 0 ? (
            <>
              <AgreementEditor caseId={caseId} version={version} parties={parties} draft={null} supplementOf={null} oral={false} label={t('write')} />
              {status === 'mediating' && actions.includes('record_oral_agreement') && (
                <AgreementEditor caseId={caseId} version={version} parties={parties} draft={null} supplementOf={null} oral label={t('recordOral')} />
              )}
            </>
          ) : (
            <AgreementEditor caseId={caseId} version={version} parties={parties} draft={null} supplementOf={effective.at(-1)!.id} oral={false} label={t('writeSupplement')} />
          )}
        </div>
      )}
    </section>
  );
}
