'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { maskIdNumber } from '@/server/domain/id-number';
import { maskPhone } from '@/server/domain/phone';
import { parseRoster, rosterFields, rosterRowIsValid, type RosterRow } from '@/server/domain/roster';
import { rosterCellsFromText } from '@/server/domain/roster-text';
import { inputClass, primaryButtonClass, secondaryButtonClass } from '../Field';
import { Modal } from '../Modal';
import type { ApplicantValues } from './values';

const fieldLabel = { name: 'petition.applicantName', idNumber: 'petition.idNumber', phone: 'petition.applicantPhone', claimedAmount: 'petition.claimedAmount' } as const;

/**
 * A representative pastes the list of workers (typed one per line, or copied from a
 * spreadsheet), sees each line checked before anything is added, and adds the good lines;
 * the lines with problems stay in the box to be fixed.
 */
export function RosterPasteDialog({
  open,
  onClose,
  listedIdNumbers,
  onAdd,
}: {
  open: boolean;
  onClose: () => void;
  listedIdNumbers: string[];
  onAdd: (applicants: ApplicantValues[]) => void;
}) {
  const t = useTranslations();
  const [text, setText] = useState('');
  const [kept, setKept] = useState<number | null>(null);
  const rows = useMemo(() => parseRoster(rosterCellsFromText(text), { alreadyListed: listedIdNumbers }), [text, listedIdNumbers]);
  const valid = rows.filter(rosterRowIsValid);
  // The lines to fix come first: with thirty workers, a problem on line 27 is not scrolled past.
  const shown = [...rows.filter((r) => !rosterRowIsValid(r)), ...valid];

  function add() {
    onAdd(valid.map((r) => ({ ...r.values, isRepresentative: false })));
    const added = new Set(valid.map((r) => r.line));
    const rest = text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .filter((line, i) => line.trim() && !added.has(i + 1));
    const problems = rows.length - valid.length;
    setText(problems > 0 ? rest.join('\n') : '');
    setKept(problems > 0 ? problems : null);
    if (problems === 0) onClose();
  }

  return (
    <Modal open={open} onClose={onClose} title={t('roster.title')} description={t('roster.hint')} tall>
      <label htmlFor="roster-text" className="mt-4 block text-sm font-medium">
        {t('roster.text')}
      </label>
      <textarea
        id="roster-text"
        rows={6}
        className={`${inputClass} mt-1 font-mono text-sm`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setKept(null);
        }}
        placeholder={'张三 330421199001011234 13800000001 7000\n李四\t\t13900000002\t6500'}
      />
      {kept !== null && (
        <p role="status" className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('roster.invalidStay', { n: kept })}
        </p>
      )}
      <p className="mt-3 text-sm text-slate-700" aria-live="polite">
        {rows.length === 0 ? t('roster.none') : t('roster.preview', { total: rows.length, valid: valid.length })}
      </p>
      {rows.length > 0 && (
        <ol className="mt-2 flex flex-col gap-1 text-sm" aria-label={t('roster.title')}>
          {shown.map((row) => (
            <PreviewRow key={row.line} row={row} />
          ))}
        </ol>
      )}
      <div className="sticky bottom-0 -mx-6 mt-4 flex justify-end gap-2 border-t border-slate-100 bg-white px-6 pt-3">
        <button type="button" className={secondaryButtonClass} onClick={onClose}>
          {t('roster.cancel')}
        </button>
        <button type="button" className={primaryButtonClass} disabled={valid.length === 0} onClick={add}>
          {t('roster.add', { n: valid.length })}
        </button>
      </div>
    </Modal>
  );
}

function PreviewRow({ row }: { row: RosterRow }) {
  const t = useTranslations();
  const format = useFormatter();
  const ok = rosterRowIsValid(row);
  const { name, idNumber, phone, claimedAmount } = row.values;
  return (
    <li className={`rounded-md border px-3 py-2 ${ok ? 'border-slate-200' : 'border-red-300 bg-red-50'}`}>
      <div className="flex flex-wrap items-baseline gap-x-3">
        <span className="font-mono text-xs text-slate-600">{t('roster.line', { line: row.line })}</span>
        <span className="font-medium">{name || '—'}</span>
        {idNumber && <span className="font-mono text-slate-600">{row.errors.idNumber ? idNumber : maskIdNumber(idNumber)}</span>}
        {phone && <span className="font-mono text-slate-600">{row.errors.phone ? phone : maskPhone(phone)}</span>}
        {claimedAmount && <span className="text-slate-600">{row.errors.claimedAmount ? claimedAmount : `¥${format.number(Number(claimedAmount))}`}</span>}
        {ok && <span className="text-xs text-emerald-700">✓ {t('roster.ok')}</span>}
      </div>
      {!ok && (
        <ul className="mt-1 text-red-800">
          {rosterFields.map((field) => {
            const problem = row.errors[field];
            return problem ? (
              <li key={field}>
                {t(fieldLabel[field])}：{t(problem.key, problem.values)}
              </li>
            ) : null;
          })}
        </ul>
      )}
    </li>
  );
}
