import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { Locale } from '../i18n/locales';
import { translator } from '../i18n/translate';
import { auditExport } from './audit';
import { actingUser, type ServiceContext } from './context';
import { centerDashboard } from './dashboard';

/**
 * The dashboard's month as a CSV sheet: every figure as on the screen (same rates, same counts,
 * in cases and people) with its definition and version, then the figures per category. Opens
 * in Excel (UTF-8 with a byte-order mark). Each export is recorded in the audit trail with the
 * file's hash.
 */
export async function dashboardCsv(ctx: ServiceContext, input: { month: string; centerId?: string }, locale: Locale) {
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
  // A cell a spreadsheet would run as a formula (=, +, -, @) is quoted as text.
  const csv = `\ufeff${Papa.unparse(rows.map((r) => r.map(String)), { escapeFormulae: true })}\r\n`;
  await ctx.db.transaction((tx) =>
    auditExport(tx, { kind: 'user', user }, { centerId: board.center.id, kind: 'dashboard', rows: rows.length, sha256: createHash('sha256').update(csv).digest('hex') }),
  );
  return { fileName: `dashboard-${board.month}.csv`, csv };
}

/** A built-in category's name; a center's own category shows its code. */
function categoryName(t: ReturnType<typeof translator>, category: string) {
  const name = t(`category.${category}`);
  return name === `category.${category}` ? category : name;
}
