import { createHash } from 'node:crypto';
import type { Database } from '../../../db/client';
import type { SessionUser } from '../../auth/session-user';
import { localDateOf } from '../../domain/calendar';
import { breakdownColumns, breakdownLabel, formatRate, isNamedBreakdown, regionColumns, trendColumns, type Labels } from '../../domain/dashboard-tables';
import type { Breakdown } from '../../domain/kpis';
import type { Locale } from '../../i18n/locales';
import { translator } from '../../i18n/translate';
import { regionOverview } from '../case-queries';
import { centerDashboard, centerTrend, kpiCases, regionDashboard } from '../dashboard';
import { dashboardCenter } from '../dashboard-center';
import { notFound } from '../errors';
import type { ExportRequest } from './request';
import type { Cell } from './sheet-stream';

/** A dashboard table as rows of cells, the same for CSV and XLSX. */
export interface Sheet {
  centerId: string | null;
  /** Without the extension; ASCII, so every browser keeps it. */
  fileName: string;
  sheetName: string;
  rows: Cell[][];
  /** The rows of data (figures, months, cases, centers), for the audit. */
  count: number;
  /** What was asked for, for the audit: codes and ids only. */
  params: Record<string, string>;
}

type Text = Labels & ((key: string, values?: Record<string, string | number>) => string);
interface Reader {
  db: Database;
  user: SessionUser;
  now: Date;
  t: Text;
  /** A rate exactly as the page shows it. */
  rate: (rate: number | null) => string;
}

/** The table the request names, read with the dashboard's services and therefore its authorization. */
export async function dashboardSheet(db: Database, user: SessionUser, request: ExportRequest, locale: Locale, now: Date): Promise<Sheet> {
  const translate = translator(locale);
  const t: Text = Object.assign((key: string, values?: Record<string, string | number>) => translate(key, values), { has: (key: string) => translate(key) !== key });
  const reader: Reader = { db, user, now, t, rate: (rate) => formatRate(locale, rate) ?? t('dashboard.noFigure') };
  switch (request.table) {
    case 'report':
      return reportSheet(reader, request);
    case 'trend':
      return trendSheet(reader, request);
    case 'cases':
      return casesSheet(reader, request);
    case 'region':
      return regionSheet(reader, request);
  }
}

/** What the audit holds of the rows handed out: their hash (the same rows give the same hash in either format). */
export function rowsHash(rows: Cell[][]): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/**
 * The center by the dashboard's own rule. A director's page ignores a center in the address
 * (it is always their own), but a file for another center's id must not arrive holding the
 * director's figures under a misleading request: refused as out of scope.
 */
async function scopedCenter({ db, user }: Reader, centerId: string | undefined) {
  const center = await dashboardCenter(db, user, centerId);
  if (centerId && centerId !== center.id) throw notFound();
  return center;
}

async function reportSheet(r: Reader, request: Extract<ExportRequest, { table: 'report' }>): Promise<Sheet> {
  const { t, rate } = r;
  const center = await scopedCenter(r, request.centerId);
  const board = await centerDashboard(r.db, r.user, { month: request.month, centerId: center.id, by: request.by }, r.now);
  const figures = board.report.figures;
  const rows: Cell[][] = [
    [t('dashboard.centerOf', { center: board.center.name, month: board.month })],
    ['kpi', 'cases', 'people', 'numerator', 'denominator', 'numeratorPeople', 'denominatorPeople', 'version', 'definition'].map((key) => t(`export.${key}`)),
    ...figures.map((f) => [
      t(`kpi.${f.id}.name`),
      rate(f.cases.rate),
      f.people ? rate(f.people.rate) : null,
      f.cases.numerator,
      f.cases.denominator,
      f.people?.numerator ?? null,
      f.people?.denominator ?? null,
      `v${f.version}`,
      t(`kpi.${f.id}.definition`),
    ]),
    [],
    [t(`dashboard.by.${request.by}`), t('dashboard.caseCount'), ...breakdownColumns.map((id) => t(`kpi.${id}.name`))],
    ...board.breakdown.rows.map((row) => [
      breakdownLabel(t, request.by, row.value),
      row.cases,
      ...breakdownColumns.map((id) => rate(row.figures.find((f) => f.id === id)?.cases.rate ?? null)),
    ]),
  ];
  return {
    centerId: center.id,
    fileName: `dashboard-${request.month}`,
    sheetName: request.month,
    rows,
    count: figures.length + board.breakdown.rows.length,
    params: { month: request.month, by: request.by },
  };
}

async function trendSheet(r: Reader, request: Extract<ExportRequest, { table: 'trend' }>): Promise<Sheet> {
  const { t, rate } = r;
  const center = await scopedCenter(r, request.centerId);
  const trend = await centerTrend(r.db, r.user, { month: request.month, centerId: center.id, grain: request.grain }, r.now);
  const names = trendColumns.map((id) => t(`kpi.${id}.name`));
  // Newest first, as on the page.
  const periods = [...trend].reverse();
  const rows: Cell[][] = [
    [`${t('dashboard.trend')} · ${center.name}`],
    [t(`dashboard.grainColumn.${request.grain}`), ...names.flatMap((name) => [name, `${name} ${t('export.numerator')}`, `${name} ${t('export.denominator')}`])],
    ...periods.map((row) => [
      request.grain === 'week' ? t('dashboard.weekOf', { monday: row.period }) : row.period,
      ...trendColumns.flatMap((id) => {
        const figure = row.figures.find((f) => f.id === id);
        return [rate(figure?.cases.rate ?? null), figure?.cases.numerator ?? null, figure?.cases.denominator ?? null];
      }),
    ]),
  ];
  return {
    centerId: center.id,
    fileName: `dashboard-${request.month}-trend-${request.grain}`,
    sheetName: request.month,
    rows,
    count: periods.length,
    params: { month: request.month, grain: request.grain },
  };
}

/**
 * The cases behind a figure. It carries no party's name, phone or ID number; the title is
 * shown as the drill-down list shows it to the same roles (director, supervisor), who see it on
 * every case list of the center too.
 */
async function casesSheet(r: Reader, request: Extract<ExportRequest, { table: 'cases' }>): Promise<Sheet> {
  const { t } = r;
  const center = await scopedCenter(r, request.centerId);
  const list = await kpiCases(r.db, r.user, { ...request, centerId: center.id }, r.now);
  const of = [t('dashboard.centerOf', { center: list.center.name, month: request.month }), ...(request.value ? [breakdownLabel(t, request.by, request.value)] : [])];
  const rows: Cell[][] = [
    [t('dashboard.drillTitle', { kpi: t(`kpi.${request.kpi}.name`), side: t(`dashboard.${request.side}`) }), of.join(' · ')],
    ['caseNumber', 'title', 'status', 'category', 'registeredAt', 'closedAt'].map((key) => t(`export.${key}`)),
    ...list.cases.map((c) => [
      c.caseNumber,
      c.title,
      t(`status.${c.status}`),
      breakdownLabel(t, 'category', c.category),
      localDateOf(c.registeredAt),
      c.closedAt ? localDateOf(c.closedAt) : null,
    ]),
  ];
  return {
    centerId: center.id,
    fileName: `dashboard-${request.month}-${request.kpi}-${request.side}`,
    sheetName: request.month,
    rows,
    count: list.cases.length,
    params: { month: request.month, kpi: request.kpi, side: request.side, by: request.by, ...valueParam(request.by, request.value) },
  };
}

/** A breakdown value for the audit: a code as it is, a name (a person's, an organization's, a place's) only hashed (audit rows hold no names). */
function valueParam(by: Breakdown, value: string | undefined): Record<string, string> {
  if (value === undefined) return {};
  return isNamedBreakdown(by) ? { valueSha256: createHash('sha256').update(value).digest('hex') } : { value };
}

/** The supervisor's region: every center's cases and the month's compared indicators, as on /region. */
async function regionSheet(r: Reader, request: Extract<ExportRequest, { table: 'region' }>): Promise<Sheet> {
  const { t, rate } = r;
  const regionCode = r.user.regionCode;
  if (!regionCode) throw notFound();
  const [centers, figures] = await Promise.all([regionOverview(r.db, r.user), regionDashboard(r.db, r.user, { month: request.month }, r.now)]);
  const figuresOf = new Map(figures.map((c) => [c.id, c]));
  const rows: Cell[][] = [
    [t('region.monthFigures', { month: request.month })],
    [t('region.center'), t('export.regionCode'), t('region.cases'), t('region.open'), ...regionColumns.map((id) => t(`kpi.${id}.name`)), t('export.redWarnings'), t('export.yellowWarnings')],
    ...centers.map((c) => {
      const row = figuresOf.get(c.id);
      return [
        c.name,
        c.regionCode,
        c.total,
        c.open,
        ...regionColumns.map((id) => rate(row?.figures.find((f) => f.id === id)?.cases.rate ?? null)),
        row?.warnings.red ?? null,
        row?.warnings.yellow ?? null,
      ];
    }),
  ];
  return { centerId: null, fileName: `region-${request.month}`, sheetName: request.month, rows, count: centers.length, params: { month: request.month, region: regionCode } };
}
