import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import type { DatabaseHandle } from '../../db/client';
import { auditLog, centers, users } from '../../db/schema';
import type { SessionUser } from '../../server/auth/session-user';
import { formatRate } from '../../server/domain/dashboard-tables';
import { monthOf } from '../../server/domain/kpis';
import { dashboardExportResponse } from '../../server/http';
import type { Locale } from '../../server/i18n/locales';
import { translator } from '../../server/i18n/translate';
import { regionOverview } from '../../server/services/case-queries';
import { centerDashboard, centerTrend, kpiCases, regionDashboard } from '../../server/services/dashboard';
import { createContext } from '../../server/trpc';
import { callerAs, freshDatabase, jiashanCenterId, submitNew, testIdNumbers, userByLogin, wagePetition } from './harness';

let handle: DatabaseHandle;
let centerId: string;
let qingpuId: string;
const month = monthOf(new Date());
const rate = (r: number | null) => formatRate('zh-CN', r) ?? '—';
const zh = translator('zh-CN');

type Row = (string | number | null)[];

beforeAll(async () => {
  handle = await freshDatabase();
  centerId = await jiashanCenterId(handle.db);
  [{ id: qingpuId }] = (await handle.db.select({ id: centers.id }).from(centers).where(eq(centers.regionCode, '310118'))) as [{ id: string }];
  const admin = await userByLogin(handle.db, 'admin');
  // A director of the other center, and a supervisor of another region (Shanghai, which holds 青浦).
  await handle.db.insert(users).values([
    { role: 'director', username: 'director2', displayName: '青浦主任', passwordHash: admin.passwordHash, centerId: qingpuId },
    { role: 'supervisor', username: 'supervisor2', displayName: '上海督导', passwordHash: admin.passwordHash, regionCode: '310100' },
  ]);

  const petitioner = await callerAs(handle.db, '13800000001');
  const director = await callerAs(handle.db, 'director');
  const mediator = await userByLogin(handle.db, 'mediator');
  const accepted = async (title: string, respondent: string, workers = 1) => {
    const applicants = Array.from({ length: workers }, (_, i) => ({
      name: i === 0 ? '王大海' : `工人${i}`,
      ...(i === 0 ? { phone: '13800000001' } : {}),
      idNumber: testIdNumbers[i % testIdNumbers.length],
      claimedAmount: '1000',
      isRepresentative: i === 0,
    }));
    const created = await submitNew(petitioner, wagePetition(centerId, { title, respondent: { kind: 'organization', name: respondent }, applicants }));
    await director.intake.decide({ caseId: created.id, decision: 'accept', track: 'labor_mediation', expectedVersion: 1 });
    await director.panel.assign({ caseId: created.id, members: [{ userId: mediator.id, isLead: true }], expectedVersion: 2 });
    return created.id;
  };
  const resolved = await accepted('导出化解案', '导出化解公司', 3);
  const { version } = await director.case.get({ caseId: resolved });
  await director.resolution.close({ caseId: resolved, outcome: 'resolved', expectedVersion: version });
  // A title a spreadsheet would run as a formula.
  await accepted('=HYPERLINK("http://example.com","点我")', '导出在办公司');
}, 120_000);
afterAll(() => handle.close());

async function sessionOf(login: string) {
  const user = await userByLogin(handle.db, login);
  return { user: user as unknown as SessionUser, claims: { userId: user.id, sessionVersion: user.sessionVersion } };
}

async function exportAs(login: string, query: string, locale: Locale = 'zh-CN') {
  const { claims } = await sessionOf(login);
  const ctx = await createContext({ db: handle.db, claims, locale });
  return dashboardExportResponse(ctx, new URL(`http://localhost/api/exports/dashboard?${query}`));
}

/** The streamed body, read chunk by chunk as a browser would. */
async function streamed(res: Response): Promise<{ bytes: Buffer; chunks: number }> {
  expect(res.status).toBe(200);
  // Streamed: no length known before the last row is written.
  expect(res.headers.get('content-length')).toBeNull();
  const reader = res.body!.getReader();
  const parts: Uint8Array[] = [];
  for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

async function csvOf(res: Response): Promise<{ rows: string[][]; text: string; chunks: number }> {
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const { bytes, chunks } = await streamed(res);
  // The byte-order mark Excel needs to read UTF-8.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  return { rows: Papa.parse<string[]>(text.trimEnd()).data, text, chunks };
}

async function xlsxOf(res: Response): Promise<{ rows: Row[]; bytes: Buffer }> {
  const { bytes } = await streamed(res);
  return { rows: (await readSheet(bytes)) as Row[], bytes };
}

/** The CSV's cells as text, from the values the XLSX holds (numbers as numbers, empty as null). */
const asText = (row: Row) => row.map((cell) => (cell === null ? '' : String(cell)));

/** The audit rows written since `before` (the ids there were then), oldest first. */
async function auditsSince(before: Set<string>, action = 'export.generated') {
  const rows = await handle.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.createdAt);
  return rows.filter((row) => !before.has(row.id));
}
const auditIds = async () => new Set((await handle.db.select({ id: auditLog.id }).from(auditLog)).map((row) => row.id));

describe('dashboard exports', () => {
  it('the month’s report: every figure as the service computes it, then the chosen breakdown, in CSV and XLSX alike; audited', async () => {
    const { user } = await sessionOf('director');
    const board = await centerDashboard(handle.db, user, { month, by: 'channel' });
    const before = await auditIds();
    const csv = await csvOf(await exportAs('director', `month=${month}&by=channel`));
    const xlsx = await xlsxOf(await exportAs('director', `table=report&month=${month}&by=channel&format=xlsx`));
    for (const f of board.report.figures) {
      const expected: Row = [
        zh(`kpi.${f.id}.name`),
        rate(f.cases.rate),
        f.people ? rate(f.people.rate) : null,
        f.cases.numerator,
        f.cases.denominator,
        f.people?.numerator ?? null,
        f.people?.denominator ?? null,
        `v${f.version}`,
      ];
      expect(xlsx.rows.find((row) => row[0] === expected[0])!.slice(0, 8)).toEqual(expected);
      expect(csv.rows.find((row) => row[0] === expected[0])!.slice(0, 8)).toEqual(asText(expected));
    }
    // 办结率: 1 of 2 cases, 3 of 4 people; as the page prints it.
    expect(csv.text).toContain('办结率,50%,75%,1,2,3,4,v1,本月受理的案件中，截至统计日已办结的比例。');
    // The breakdown the page showed (by channel), its rates formatted as there.
    const header = xlsx.rows.findIndex((row) => row[0] === '按来源渠道');
    expect(xlsx.rows[header]).toEqual(['按来源渠道', '案件数', '办结率', '按期办结率', '化解率', '满意率', null, null, null]);
    expect(board.breakdown.rows).toHaveLength(1);
    const closure = board.breakdown.rows[0]!.figures.find((f) => f.id === 'closure_rate')!;
    expect(xlsx.rows[header + 1]!.slice(0, 3)).toEqual(['网上申请', 2, rate(closure.cases.rate)]);
    expect(csv.rows.slice(header, header + 2)).toEqual(xlsx.rows.slice(header, header + 2).map((row) => asText(row).slice(0, 6)));

    const audits = await auditsSince(before);
    expect(audits.map((a) => [a.actorId, a.centerId, a.data])).toEqual(
      ['csv', 'xlsx'].map((format) => [
        user.id,
        centerId,
        { kind: 'dashboard.report', format, params: { month, by: 'channel' }, rows: board.report.figures.length + 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ]),
    );
    // The same rows in either format: the same hash.
    expect((audits[0]!.data as { sha256: string }).sha256).toBe((audits[1]!.data as { sha256: string }).sha256);
  });

  it('the trend: each period’s rates and counts as the service computes them, newest first', async () => {
    const { user } = await sessionOf('supervisor');
    const trend = await centerTrend(handle.db, user, { month, centerId });
    const xlsx = await xlsxOf(await exportAs('supervisor', `table=trend&month=${month}&center=${centerId}&format=xlsx`));
    const csv = await csvOf(await exportAs('supervisor', `table=trend&month=${month}&center=${centerId}`));
    expect(xlsx.rows[1]!.slice(0, 4)).toEqual(['月份', '办结率', '办结率 分子（件）', '办结率 分母（件）']);
    const body = xlsx.rows.slice(2);
    expect(body.map((row) => row[0])).toEqual([...trend].reverse().map((p) => p.period));
    const now = trend.at(-1)!.figures.find((f) => f.id === 'closure_rate')!;
    expect(body[0]!.slice(1, 4)).toEqual([rate(now.cases.rate), now.cases.numerator, now.cases.denominator]);
    expect(csv.rows.slice(2).map((row) => row.slice(0, 4))).toEqual(body.map((row) => asText(row).slice(0, 4)));
  });

  it('the cases behind a figure: exactly the service’s list, nobody’s name, formulas kept as text; a name in the breakdown only hashed in the audit', async () => {
    const { user } = await sessionOf('director');
    const list = await kpiCases(handle.db, user, { month, kpi: 'closure_rate', side: 'denominator' });
    const query = `table=cases&month=${month}&kpi=closure_rate&side=denominator`;
    const csv = await csvOf(await exportAs('director', query));
    const xlsx = await xlsxOf(await exportAs('director', `${query}&format=xlsx`));
    expect(xlsx.rows[1]).toEqual(['案件编号', '标题', '状态', '类别', '登记日期', '结案日期']);
    expect(xlsx.rows.slice(2).map((row) => row[0])).toEqual(list.cases.map((c) => c.caseNumber));
    expect(xlsx.rows.slice(2).map((row) => row[3])).toEqual(list.cases.map(() => '劳动与工资'));
    expect(csv.rows.slice(2).map((row) => row[0])).toEqual(list.cases.map((c) => c.caseNumber));
    // Written row by row: the byte-order mark, then one part per row.
    expect(csv.chunks).toBe(csv.rows.length + 1);
    // No party's name or phone in the file.
    expect(csv.text).not.toMatch(/王大海|13800000001|工人1/);
    // The formula-like title: text in both, never run.
    expect(csv.text).toContain(`"'=HYPERLINK(""http://example.com"",""点我"")"`);
    const formula = xlsx.rows.find((row) => String(row[1]).startsWith('='))!;
    expect(formula[1]).toBe('=HYPERLINK("http://example.com","点我")');
    const book = new ExcelJS.Workbook();
    // exceljs declares the Buffer of older @types/node.
    await book.xlsx.load(xlsx.bytes as unknown as Parameters<typeof book.xlsx.load>[0]);
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));

    // By the lead mediator (a person's name as the breakdown's value).
    const mediator = await userByLogin(handle.db, 'mediator');
    const before = await auditIds();
    const byLead = await csvOf(await exportAs('director', `${query}&by=panel_member&value=${encodeURIComponent(mediator.displayName)}`));
    expect(byLead.rows[0]![1]).toContain(mediator.displayName);
    expect(byLead.rows.slice(2)).toHaveLength(list.cases.length);
    const [audit] = await auditsSince(before);
    expect(audit!.data).toMatchObject({ kind: 'dashboard.cases', rows: list.cases.length, params: { kpi: 'closure_rate', side: 'denominator', by: 'panel_member', valueSha256: expect.any(String) } });
    expect(JSON.stringify(audit!.data)).not.toContain(mediator.displayName);
  });

  it('the supervisor’s region: every center’s counts and rates as the services compute them', async () => {
    const { user } = await sessionOf('supervisor');
    const [overview, figures] = await Promise.all([regionOverview(handle.db, user), regionDashboard(handle.db, user, { month })]);
    const before = await auditIds();
    const xlsx = await xlsxOf(await exportAs('supervisor', `table=region&month=${month}&format=xlsx`));
    const csv = await csvOf(await exportAs('supervisor', `table=region&month=${month}`));
    expect(xlsx.rows.slice(2)).toEqual(
      overview.map((c) => {
        const row = figures.find((f) => f.id === c.id)!;
        const of = (id: string) => rate(row.figures.find((f) => f.id === id)!.cases.rate);
        return [c.name, c.regionCode, c.total, c.open, of('closure_rate'), of('resolution_rate'), of('satisfaction'), row.warnings.red, row.warnings.yellow];
      }),
    );
    expect(csv.rows.slice(2)).toEqual(xlsx.rows.slice(2).map(asText));
    const audits = await auditsSince(before);
    expect(audits.map((a) => [a.centerId, a.data])).toEqual(
      ['xlsx', 'csv'].map((format) => [null, expect.objectContaining({ kind: 'dashboard.region', format, rows: overview.length, params: { month, region: '330400' } })]),
    );
  });

  it('refuses other roles (audited), centers out of scope, and bad parameters in the caller’s language; no export row for any of them', async () => {
    const before = await auditIds();
    for (const login of ['clerk', 'mediator', '13800000001']) {
      const res = await exportAs(login, `month=${month}`);
      expect([res.status, (await res.json()).message]).toEqual([403, expect.any(String)]);
    }
    // The region is the supervisor's alone.
    expect((await exportAs('director', `table=region&month=${month}`)).status).toBe(403);
    const denied = await auditsSince(before, 'auth.denied');
    expect(denied.map((a) => (a.data as { procedure: string }).procedure)).toEqual(['export.dashboard', 'export.dashboard', 'export.dashboard', 'export.dashboard.region']);
    // Another region's supervisor and another center's director: as if the center did not exist.
    expect((await exportAs('supervisor2', `month=${month}&center=${centerId}`)).status).toBe(404);
    expect((await exportAs('supervisor2', `table=cases&month=${month}&center=${centerId}&kpi=closure_rate&side=denominator`)).status).toBe(404);
    expect((await exportAs('director2', `month=${month}&center=${centerId}`)).status).toBe(404);
    expect((await exportAs('director2', `table=trend&month=${month}&center=${centerId}&format=xlsx`)).status).toBe(404);
    // Their own: their own figures only.
    const own = await csvOf(await exportAs('director2', `month=${month}`));
    expect(own.rows[0]![0]).toContain('青浦区社会治理综合服务中心');
    const region = await xlsxOf(await exportAs('supervisor2', `table=region&month=${month}&format=xlsx`));
    expect(region.rows.slice(2).map((row) => row[0])).toEqual(['青浦区社会治理综合服务中心']);
    const afterOwn = await auditIds();

    const invalid = async (query: string, locale: Locale = 'zh-CN') => {
      const res = await exportAs('director', query, locale);
      return [res.status, (await res.json()).message];
    };
    expect(await invalid('month=2026-13')).toEqual([400, '导出参数有误']);
    expect(await invalid('month=2026-13', 'en')).toEqual([400, "The export's parameters are not valid"]);
    expect(await invalid(`month=${month}&format=pdf`)).toEqual([400, '导出参数有误']);
    expect(await invalid(`month=${month}&table=everything`)).toEqual([400, '导出参数有误']);
    expect(await invalid(`month=${month}&by=respondent`)).toEqual([400, '导出参数有误']);
    expect(await invalid(`table=cases&month=${month}&kpi=closure_rate`)).toEqual([400, '导出参数有误']);
    expect(await invalid(`table=cases&month=${month}&kpi=closure_rate&side=denominator&value=${'x'.repeat(65)}`)).toEqual([400, '导出参数有误']);
    expect(await invalid(`month=${month}&center=not-a-uuid`)).toEqual([400, '导出参数有误']);
    expect(await auditsSince(afterOwn)).toEqual([]);
    const unsigned = await dashboardExportResponse(await createContext({ db: handle.db, claims: null }), new URL(`http://localhost/api/exports/dashboard?month=${month}`));
    expect(unsigned.status).toBe(401);
  });
});
