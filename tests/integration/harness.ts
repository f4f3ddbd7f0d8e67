import { randomBytes } from 'node:crypto';
import { eq, or } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Database, type DatabaseHandle } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { users } from '../../db/schema';
import { seedDemo } from '../../db/seed';
import { createCaller } from '../../server/root';
import { createContext } from '../../server/trpc';
import type { Locale } from '../../server/i18n/locales';

/**
 * A fresh, migrated and seeded database for one test file: in-memory PGlite by default,
 * a new database on the server named by TEST_DATABASE_URL when it is set (CI sets it).
 */
export async function freshDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let handle: DatabaseHandle;
  if (serverUrl) {
    const name = `onewindow_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const inner = await openDatabase({ url: url.toString(), maxConnections: 10 });
    handle = {
      ...inner,
      async close() {
        await inner.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  } else {
    handle = await openDatabase({});
  }
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  return handle;
}

export async function userByLogin(db: Database, login: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(or(eq(users.username, login), eq(users.phone, login)))
    .limit(1);
  if (!user) throw new Error(`no demo account ${login}`);
  return user;
}

/** A caller signed in as a demo account, through the same context code the HTTP handler uses. */
export async function callerAs(db: Database, login: string, locale: Locale = 'zh-CN') {
  const user = await userByLogin(db, login);
  return createCaller(await createContext({ db, claims: { userId: user.id, sessionVersion: user.sessionVersion }, locale, ip: '203.0.113.7' }));
}

export async function anonymousCaller(db: Database, locale: Locale = 'zh-CN') {
  return createCaller(await createContext({ db, claims: null, locale, ip: '203.0.113.8' }));
}

/** Runs a call expected to fail and returns the tRPC error (code, message, field errors). */
export async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: string; message: string; shape?: { message: string; data?: { fieldErrors?: Record<string, string> } } };
    return { code: e.code, message: e.shape?.message ?? e.message, fieldErrors: e.shape?.data?.fieldErrors };
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/**
 * Calls the raw tRPC HTTP endpoint as a browser would (GET for queries, POST for
 * mutations), with the caller's session, and returns the status and decoded body.
 */
export async function httpCall(
  db: Database,
  login: string | null,
  path: string,
  input: unknown,
  options: { method?: 'GET' | 'POST'; locale?: Locale } = {},
) {
  const { handleTrpcRequest } = await import('../../server/http');
  const method = options.method ?? 'GET';
  const user = login ? await userByLogin(db, login) : null;
  const base = `http://localhost/api/trpc/${path}`;
  const payload = JSON.stringify({ json: input });
  const req =
    method === 'GET'
      ? new Request(`${base}?input=${encodeURIComponent(payload)}`)
      : new Request(base, { method: 'POST', body: payload, headers: { 'content-type': 'application/json' } });
  const res = await handleTrpcRequest(req, () =>
    createContext({
      db,
      claims: user ? { userId: user.id, sessionVersion: user.sessionVersion } : null,
      locale: options.locale ?? 'zh-CN',
      ip: '203.0.113.9',
    }),
  );
  const body = (await res.json()) as {
    result?: { data: { json: unknown } };
    error?: { json: { message: string; code: number; data: { code: string; httpStatus: number; fieldErrors?: Record<string, string>; stack?: string } } };
  };
  return { status: res.status, body };
}

/** A case's timeline as the caller reads it, oldest first (the API pages newest first). */
export async function timelineOf(caller: Awaited<ReturnType<typeof callerAs>>, caseId: string) {
  const page = await caller.case.timeline({ caseId, limit: 200 });
  return [...page.entries].reverse();
}

/** Valid ID numbers (GB 11643 check digit) for test applicants. */
export const testIdNumbers = ['33042119900101123X', '330421198505052313', '330421199203034018', '330421198812126650'];

let keyCounter = 0;

/** A complete petition as the petitioner's form sends it; the demo petitioner is the applicant. */
export function wagePetition(centerId: string, overrides: Record<string, unknown> = {}) {
  return {
    centerId,
    category: 'labor_wages',
    title: '海鲜店拖欠 30 名工人工资',
    description: '老板拖欠三个月工资共二十余万元，多次讨要未果。',
    request: '支付拖欠工资',
    amountInDispute: '210000',
    respondent: { kind: 'organization' as const, name: '嘉善县鲜海海鲜店' },
    applicants: [{ name: '王大海', phone: '13800000001', idNumber: testIdNumbers[0], claimedAmount: '7000', isRepresentative: true }],
    evidenceIds: [] as string[],
    idempotencyKey: `test-${Date.now()}-${++keyCounter}`,
    ...overrides,
  };
}

export async function jiashanCenterId(db: Database): Promise<string> {
  const { centers } = await import('../../db/schema');
  const [row] = await db.select({ id: centers.id }).from(centers).where(eq(centers.regionCode, '330421'));
  return row!.id;
}

/** Submits and insists on a new case (not a repeat notice). */
export async function submitNew(caller: Awaited<ReturnType<typeof callerAs>>, petition: ReturnType<typeof wagePetition>) {
  const result = await caller.petition.submit(petition);
  if (result.kind !== 'registered') throw new Error(`expected a new case, got ${result.kind}`);
  return result;
}

/** A real 1×1 PNG: what a phone photo looks like to the type check. */
export function tinyPng(): Buffer {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}

export function uploadForm(data: Buffer, name: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(data)], name));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}
