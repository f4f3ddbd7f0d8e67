import type { Locale } from '../i18n/locales';
import { auditExport } from './audit';
import { actingUser, type ServiceContext } from './context';
import { dashboardSheet, rowsHash } from './exports/dashboard-tables';
import type { ExportRequest } from './exports/request';
import { contentTypes, sheetWriter } from './exports/sheet-stream';

/**
 * A dashboard table as CSV or XLSX, streamed: the month's report (every figure as on the
 * screen, with its definition and version, then the chosen breakdown), the twelve months, the
 * cases behind a figure, or the supervisor's region. The CSV opens in Excel (UTF-8 with a
 * byte-order mark; a cell that would run as a formula is quoted as text); in the XLSX every
 * cell is a value, never a formula.
 */
export async function dashboardExport(ctx: ServiceContext, request: ExportRequest, locale: Locale) {
  const user = actingUser(ctx);
  // Read (and authorized) in full first: a refusal or a failed read leaves no audit row.
  const sheet = await dashboardSheet(ctx.db, user, request, locale, ctx.now());
  const write = await sheetWriter(request.format);
  // The audit row is committed before the first byte leaves, on its own: the data counts as
  // taken out once it starts to flow, so a download the client breaks off is still on record,
  // and a failed audit sends nothing. Hence the hash of the rows rather than of the file's
  // bytes, which are known only once sent (and an XLSX's carry the time it was made).
  await ctx.db.transaction((tx) =>
    auditExport(tx, { kind: 'user', user }, { centerId: sheet.centerId, kind: `dashboard.${request.table}`, format: request.format, params: sheet.params, rows: sheet.count, sha256: rowsHash(sheet.rows) }),
  );
  return { fileName: `${sheet.fileName}.${request.format}`, contentType: contentTypes[request.format], body: write(sheet.rows, sheet.sheetName) };
}
