import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import writeExcelFile from 'write-excel-file/node';
import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/translate';
import { auditExport } from './audit';
import { actingUser, type ServiceContext } from './context';
import { centerDashboard } from './dashboard';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * The dashboard's month as one sheet, in CSV or XLSX: every figure as on the screen (same rates,
 * same counts, in cases and people) with its definition and version, then the figures per
 * category. The CSV opens in Excel (UTF-8 with a byte-order mark; a cell that would run as a
 * formula is quoted as text); in the XLSX every cell is a value, never a formula. Each export is
 * recorded in the audit trail with the file's hash.
 */
export async function dashboardExport(ctx: ServiceContext, input: { month: string; centerId?: string }, locale: Locale, format: ExportFormat) {
  const user = actingUser(ctx);
  const board = await centerDashboard(ctx.db, user, input, ctx.now());
  const t = translator(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const rate = (r: number | null) => (r === null ? t('dashboard.noFigure') : percent.format(r));
  const rows: (string | number)[][] = [
    [t('dashboard.centerOf', { center: board.center.name, month: board.month })],
    [t('export.kpi'), t('export.cases'), t('export.people'), t('export.numerator'), t('export.denominator'), t('export.numeratorPeople'), t('export.denominatorPeople'), t('export.version'), t('export.definition')],
    ...board.report.figures.map((f) => [
      t(`kpi.${f.id}.name`),
      rate(f.cases.rate),
      f.people ? rate(f.people.rate) : '',
      f.cases.numerator,
      f.cases.denominator,
      f.people?.numerator ?? '',
      f.people?.denominator ?? '',
      `v${f.version}`,
      t(`kpi.${f.id}.definition`),
    ]),
    [],
    [t('dashboard.category'), t('dashboard.caseCount'), ...board.report.figures.map((f) => t(`kpi.${f.id}.name`))],
    ...board.breakdown.rows.map((row) => [categoryName(t, row.value), row.cases, ...row.figures.map((f) => rate(f.cases.rate))]),
  ];
  const file =
    format === 'csv'
      ? Buffer.from(`\ufeff${Papa.unparse(rows.map((r) => r.map(String)), { escapeFormulae: true })}\r\n`, 'utf8')
      : await writeExcelFile(rows.map((r) => r.map((value) => ({ value, type: typeof value === 'number' ? Number : String })))).toBuffer();
  await ctx.db.transaction((tx) =>
    auditExport(tx, { kind: 'user', user }, { centerId: board.center.id, kind: `dashboard.${format}`, rows: rows.length, sha256: createHash('sha256').update(file).digest('hex') }),
  );
  return { fileName: `dashboard-${board.month}.${format}`, file };
}

/** A built-in category's name; a center's own category shows its code. */
function categoryName(t: ReturnType<typeof translator>, category: string) {
  const name = t(`category.${category}`);
  return name === `category.${category}` ? category : name;
}
