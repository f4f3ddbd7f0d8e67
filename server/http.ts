import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { z } from 'zod';
import { evidenceFileName } from './domain/evidence-types';
import { translator } from './i18n/translate';
import { logError } from './log';
import { crossOriginRefusal, isCrossOrigin } from './origin';
import { maxBatchSize } from './domain/batch';
import { appRouter } from './root';
import { readEvidence } from './services/evidence';
import { dashboardExport } from './services/dashboard-export';
import { exportRequestOf, exportRoles, mayExportAny } from './services/exports/request';
import { auditDenied } from './services/audit';
import type { SessionUser } from './auth/session-user';
import { userContext } from './services/context';
import { ServiceError } from './services/errors';
import { isDatabaseUnavailable } from './db-unavailable';
import type { Context } from './trpc';

/** What a 503 asks the client to wait before trying again. */
export const retryAfterSeconds = 5;

/** The raw tRPC endpoint; the Next route and the tests both go through it. */
export async function handleTrpcRequest(req: Request, context: () => Promise<Context>): Promise<Response> {
  if (isCrossOrigin(req)) return crossOriginRefusal((await context()).locale);
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: context,
    maxBatchSize,
    // While the database is away, clients (and proxies) are told when to try again.
    responseMeta: ({ errors }) => (errors.some((e) => e.code === 'SERVICE_UNAVAILABLE') ? { headers: new Headers({ 'retry-after': String(retryAfterSeconds) }) } : {}),
  });
}


/**
 * Evidence download: only through here, only for callers the access policy lets read the
 * file, always as an attachment with the type we detected at upload.
 */
export async function evidenceResponse(ctx: Context, fileId: string): Promise<Response> {
  const t = translator(ctx.locale);
  try {
    const user = await ctx.session.currentUser();
    if (!user) return Response.json({ message: t('errors.unauthorized') }, { status: 401 });
    if (!z.uuid().safeParse(fileId).success) return Response.json({ message: t('errors.notFound') }, { status: 404 });
    const file = await readEvidence(ctx.db, user, fileId);
    // Cleaned again on the way out: files stored before names were cleaned keep the uploader's.
    const name = evidenceFileName(file.fileName, file.mimeType);
    return new Response(new Uint8Array(file.data), {
      headers: {
        'content-type': file.mimeType,
        'content-length': String(file.data.length),
        'content-disposition': `attachment; filename="evidence.${name.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return failureResponse(error, t, 'evidence.download');
  }
}

/** A route handler's failure in the caller's language: not found, the database away, or logged. */
function failureResponse(error: unknown, t: ReturnType<typeof translator>, event: string): Response {
  if (error instanceof ServiceError && error.kind === 'not_found') return Response.json({ message: t('errors.notFound') }, { status: 404 });
  if (isDatabaseUnavailable(error)) return Response.json({ message: t('errors.unavailable') }, { status: 503, headers: { 'retry-after': String(retryAfterSeconds) } });
  // Not rethrown: Next would print the error with its message.
  logError(event, error);
  return Response.json({ message: t('errors.internal') }, { status: 500 });
}

/**
 * A dashboard table's export (CSV or XLSX), streamed: for the director (their center) and the
 * supervisor (a center of the region, or the region's table); the dashboard's authorization,
 * an audit row per file.
 */
export async function dashboardExportResponse(ctx: Context, url: URL): Promise<Response> {
  const t = translator(ctx.locale);
  try {
    const user = await ctx.session.currentUser();
    if (!user) return Response.json({ message: t('errors.unauthorized') }, { status: 401 });
    // Before the parameters are read, as today: a role with no table to export learns nothing more.
    if (!mayExportAny(user.role)) return await exportRefused(ctx, user, 'export.dashboard', t);
    const input = exportRequestOf(url);
    if (!input.success) return Response.json({ message: t('export.invalid') }, { status: 400 });
    const request = input.data;
    if (!exportRoles[request.table].includes(user.role)) return await exportRefused(ctx, user, `export.dashboard.${request.table}`, t);
    const { fileName, contentType, body } = await dashboardExport(userContext(ctx.db, user), request, ctx.locale);
    return new Response(body, {
      headers: {
        'content-type': contentType,
        'content-disposition': `attachment; filename="${fileName}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return failureResponse(error, t, 'dashboard.export');
  }
}

/** A role that may not export this table: refused as the dashboard's procedures refuse it, and audited like them. */
async function exportRefused(ctx: Context, user: SessionUser, procedure: string, t: ReturnType<typeof translator>): Promise<Response> {
  await auditDenied(ctx.db, user, { procedure, reason: 'role' }).catch((error) => logError('audit.denied', error));
  return Response.json({ message: t('errors.forbidden') }, { status: 403 });
}
