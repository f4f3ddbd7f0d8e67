import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError, ZodRealError } from 'zod';
import type { Database } from '../db/client';
import { isDatabaseUnavailable, logUnavailable } from './db-unavailable';
import { RequestSession } from './auth/request-session';
import type { SessionClaims } from './auth/session-user';
import type { Role } from './domain/roles';
import { findUnsafeText } from './domain/text';
import { serverTransformer } from './trpc-output';
import { defaultLocale, type Locale } from './i18n/locales';
import { translator } from './i18n/translate';
import { fieldErrors } from './i18n/validation';
import { LoggedError, logError } from './log';
import { auditDenied } from './services/audit';
import { userContext } from './services/context';
import { ServiceError, type ServiceErrorKind } from './services/errors';

export interface Context {
  db: Database;
  /** Who is calling: checked against the database by the first procedure that needs to know. */
  session: RequestSession;
  locale: Locale;
  ip: string;
}

export interface ContextInput {
  db: Database;
  claims: SessionClaims | null;
  locale?: Locale;
  ip?: string;
}

/**
 * Every caller (HTTP, server components, tests) builds its context here, so every one
 * re-checks the session: the procedures below ask `ctx.session`, once per request.
 */
export async function createContext(input: ContextInput): Promise<Context> {
  return { db: input.db, session: new RequestSession(input.db, input.claims), locale: input.locale ?? defaultLocale, ip: input.ip ?? 'unknown' };
}

const t = initTRPC.context<Context>().create({
  transformer: serverTransformer,
  errorFormatter({ shape, error, ctx }) {
    const translate = translator(ctx?.locale ?? defaultLocale);
    const cause = error.cause;
    let message: string;
    let fields: Record<string, string> | undefined;
    if (cause instanceof ZodError) {
      message = translate('errors.invalidInput');
      fields = fieldErrors(cause.issues, translate);
    } else if (cause instanceof ServiceError) {
      message = translate(cause.messageKey, cause.options.values);
      if (cause.options.field) fields = { [cause.options.field]: message };
    } else if (error.code === 'INTERNAL_SERVER_ERROR') {
      message = translate('errors.internal');
    } else {
      message = translate(trpcMessages[error.message] ?? error.message);
      if (message === error.message) message = translate(genericMessage[error.code] ?? 'errors.invalidInput');
    }
    // The stack and the raw message never leave the server.
    return {
      message,
      code: shape.code,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, fieldErrors: fields },
    };
  },
});

/** tRPC's own refusals, which name no catalog key. */
const trpcMessages: Record<string, string> = { 'Batch call exceeds maximum size': 'errors.batchTooLarge' };

const genericMessage: Partial<Record<TRPCError['code'], string>> = {
  NOT_FOUND: 'errors.notFound',
  UNAUTHORIZED: 'errors.unauthorized',
  FORBIDDEN: 'errors.forbidden',
  TOO_MANY_REQUESTS: 'errors.rateLimited',
  SERVICE_UNAVAILABLE: 'errors.unavailable',
};

const codeForKind: Record<ServiceErrorKind, TRPCError['code']> = {
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  invalid: 'BAD_REQUEST',
  rate_limited: 'TOO_MANY_REQUESTS',
  unauthorized: 'UNAUTHORIZED',
};

/** Services refuse with ServiceError; this turns it into the matching tRPC code and logs anything unexpected. */
const mapErrors = t.middleware(async ({ ctx, next, path, type, getRawInput }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof ServiceError) {
    const user = ctx.session.checkedUser();
    if (cause.kind === 'forbidden' && user) {
      // The refusal stands even if its record cannot be written (the database just went away).
      await auditDenied(ctx.db, user, { procedure: path, caseId: caseIdOf(await getRawInput()), reason: 'policy' }).catch((error) => logError('audit.denied', error));
    }
    throw new TRPCError({ code: codeForKind[cause.kind], message: cause.messageKey, cause });
  }
  // The database went away mid-request: nothing was committed (or the commit's answer was
  // lost, which a retry with the same idempotency key finds). Try again shortly.
  if (isDatabaseUnavailable(cause)) {
    logUnavailable('db.unavailable', cause);
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'errors.unavailable' });
  }
  if (result.error.code === 'INTERNAL_SERVER_ERROR') {
    logError('trpc.unexpected', result.error.cause ?? result.error, { path, type });
    // Server components rethrow what the caller throws, and Next prints it with its causes.
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'errors.internal', cause: new LoggedError('trpc.unexpected') });
  }
  return result;
});

/**
 * Every string of every input, before any schema sees it: one check here covers every
 * procedure, present and future, so no control character or broken surrogate reaches SQL.
 */
const refuseUnsafeText = t.middleware(async ({ getRawInput, next }) => {
  const path = findUnsafeText(await getRawInput());
  if (path) {
    const issue = { code: 'custom' as const, path, message: 'validation.unsafeText', input: undefined };
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.invalidInput', cause: new ZodRealError([issue]) });
  }
  return next();
});

/** The case a refused call was about, when its input names one (a valid UUID only). */
function caseIdOf(input: unknown): string | null {
  const caseId = (input as { caseId?: unknown } | null)?.caseId;
  return z.uuid().safeParse(caseId).success ? (caseId as string) : null;
}

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

export const publicProcedure = t.procedure.use(mapErrors).use(refuseUnsafeText);

const unauthorized = () => new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.unauthorized' });

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = await ctx.session.currentUser();
  if (!user) throw unauthorized();
  // The services' context: the signed-in person acts.
  return next({ ctx: { ...ctx, user, svc: userContext(ctx.db, user) } });
});

/** Only the listed roles; everyone else signed in gets FORBIDDEN. */
export function roleProcedure(...allowed: Role[]) {
  return authedProcedure.use(async ({ ctx, next, path }) => {
    if (!allowed.includes(ctx.user.role)) {
      await auditDenied(ctx.db, ctx.user, { procedure: path, reason: 'role' });
      throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.forbidden' });
    }
    return next();
  });
}

/**
 * Case-scoped procedures take `caseId` and get `ctx.access`, the caller's relation to the
 * case from the access policy. No relation is NOT_FOUND, so a case's existence never leaks.
 */
export const caseProcedure = publicProcedure
  // Without a session token there is nothing to look up: refused before the input is read.
  .use(({ ctx, next }) => {
    if (!ctx.session.claims) throw unauthorized();
    return next();
  })
  .input(z.object({ caseId: z.uuid() }))
  .use(async ({ ctx, input, next, path, type }) => {
    // Changes (and live subscriptions, which outlast the request) resolve the relation afresh.
    const { user, access } = await ctx.session.caseAccess(input.caseId, type !== 'query');
    if (!user) throw unauthorized();
    if (!access) {
      await auditDenied(ctx.db, user, { procedure: path, caseId: input.caseId, reason: 'no_relation' });
      throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' });
    }
    return next({ ctx: { ...ctx, user, svc: userContext(ctx.db, user), access } });
  });
