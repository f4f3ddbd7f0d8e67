// `npm run test:fault`: the built app on a fresh PostgreSQL database under steady intake
// load; PostgreSQL is stopped for 10 s and started again. Checks that the app answers 503 in
// the user's language while it is away (never hangs, health says so), recovers by itself,
// that every acknowledged submission is in the database exactly once (retries with the same
// idempotency key get the same case), that the deadline sweep sends each reminder once across
// the outage, and that the audit chains still verify. Exit code 1 on any failure.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase } from '../../db/client';
import { demoPassword } from '../../db/demo';
import { translator } from '../../server/i18n/translate';
import { sealAuditChains, verifyAuditChains } from '../../server/services/audit-chain';
import { freshPostgres, signInCookie } from '../bench/harness';
import { startApp } from '../e2e/server';
import { runClients, send, titlePrefix, type LoadOptions } from './load';
import { postgresControl, withPostgresStopped } from './postgres-control';

const clients = Number(process.env.FAULT_CLIENTS ?? 8);
const outageMs = 10_000;
const beforeMs = 6_000;
const afterMs = 10_000;
const recoveryLimitMs = 10_000;
/** Longer than the app's own limits (connect 5 s, statement 15 s): an answer later than this is a hang. */
const hangMs = 20_000;

const control = postgresControl();
const failures: string[] = [];
const check = (ok: boolean, failure: string) => void (ok || failures.push(failure));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => (ms / 1000).toFixed(1);

const db = await freshPostgres(process.env.FAULT_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'onewindow_fault');
const secret = () => randomBytes(32).toString('base64url');
// The app's key, also this process's: the audit chains are verified here at the end.
process.env.DATA_KEY = secret();
let serverLog = '';
const app = await startApp({
  DATABASE_URL: db.url,
  AUTH_SECRET: secret(),
  DATA_KEY: process.env.DATA_KEY,
  // Sweeps and sealing every second, so both are at work when the database goes.
  SWEEP_INTERVAL_SECONDS: '1',
  AUDIT_SEAL_INTERVAL_SECONDS: '1',
});
const sql = postgres(db.url, { max: 2, onnotice: () => {} });
try {
  const cookie = await signInCookie(app.baseUrl, '13800000001', demoPassword);
  const [center] = await sql<{ id: string }[]>`select id from centers where region_code = '330421'`;
  const options: LoadOptions = { baseUrl: app.baseUrl, cookie, centerId: center!.id, unavailableMessage: translator('zh-CN')('errors.unavailable'), timeoutMs: hangMs };

  const load = runClients(options, clients, 3);
  await sleep(beforeMs);
  // Every running acceptance clock so far falls due in two days: the sweep starts reminding
  // and is still at it when the database stops.
  const armed = await sql<{ id: string; case_id: string }[]>`
    update case_clocks set due_at = now() + interval '2 days' where kind = 'acceptance' and state = 'running' returning id, case_id`;
  await sleep(500);
  const [{ claimedBefore } = { claimedBefore: -1 }] = await sql<{ claimedBefore: number }[]>`
    select count(*)::int as "claimedBefore" from clock_alerts where clock_id = any(${armed.map((c) => c.id)}::uuid[])`;

  const health: { status: number; database?: string }[] = [];
  const { stoppedAt, startingAt, startedAt } = await withPostgresStopped(control, async () => {
    const end = performance.now() + outageMs;
    while (performance.now() < end) {
      const res = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(hangMs) }).catch(() => null);
      health.push({ status: res?.status ?? 0, database: res ? ((await res.json()) as { database?: string }).database : undefined });
      await sleep(500);
    }
  });
  // Recovery: the first healthy answer after PostgreSQL is back.
  let healthyAfterMs = Infinity;
  while (performance.now() - startedAt < 30_000) {
    const res = await fetch(`${app.baseUrl}/api/health`).catch(() => null);
    if (res?.ok) {
      healthyAfterMs = performance.now() - startedAt;
      break;
    }
    await sleep(100);
  }
  await sleep(afterMs);
  await load.stop();

  const all = load.submissions;
  const answers = all.flatMap((s) => s.answers);
  // Sent once the server was down and answered before it was starting again.
  const duringOutage = answers.filter((a) => a.sentAt >= stoppedAt && a.at <= startingAt);
  const acknowledged = all.filter((s) => s.caseNumber);
  const failedCleanly = all.filter((s) => !s.caseNumber && s.answers.every((a) => a.clean));
  const unclean = answers.filter((a) => !a.clean);
  const firstAckAfter = Math.min(...answers.filter((a) => a.status === 200 && a.at > startedAt).map((a) => a.at - startedAt));
  check(unclean.length === 0, `${unclean.length} answers were neither a case number nor a clean 503: ${[...new Set(unclean.map((a) => a.detail ?? a.status))].slice(0, 5).join(' | ')}`);
  check(duringOutage.length > 0 && duringOutage.every((a) => a.status === 503 && a.clean), `during the outage every submission must get a clean 503 (got ${JSON.stringify(duringOutage.map((a) => [a.status, Math.round(a.ms)]))})`);
  check(health.length > 0 && health.every((h) => h.status === 503 && h.database === 'unavailable'), `the health endpoint must report the outage (got ${health.map((h) => h.status).join(',')})`);
  check(healthyAfterMs <= recoveryLimitMs, `healthy again ${seconds(healthyAfterMs)} s after PostgreSQL was back (limit ${seconds(recoveryLimitMs)} s)`);
  check(firstAckAfter <= recoveryLimitMs, `first acknowledged submission ${seconds(firstAckAfter)} s after PostgreSQL was back (limit ${seconds(recoveryLimitMs)} s)`);

  // Every acknowledged submission is there once, under its key, with the number it was given.
  const byKey = new Map(
    (await sql<{ key: string; case_number: string }[]>`
      select k.key, c.case_number from idempotency_keys k join cases c on c.id = k.case_id
      join users u on u.id = k.user_id where u.phone = '13800000001'`).map((r) => [r.key, r.case_number]),
  );
  const found = acknowledged.filter((s) => byKey.get(s.key) === s.caseNumber);
  check(found.length === acknowledged.length, `${acknowledged.length - found.length} acknowledged submissions are missing or carry another number`);

  // Everyone retries with the same key: the acknowledged get the same case, the others one now.
  let same = 0;
  let registeredNow = 0;
  for (const s of all) {
    const before = s.caseNumber;
    const answer = await send(options, s);
    if (answer.status !== 200) failures.push(`a retry after recovery got ${answer.detail ?? answer.status}`);
    else if (before) {
      if (answer.caseNumber === before) same++;
      else failures.push(`a retry with the same key got ${answer.caseNumber}, first given ${before}`);
    } else registeredNow++;
  }
  const [{ duplicates } = { duplicates: -1 }] = await sql<{ duplicates: number }[]>`
    select count(*)::int as duplicates from (select title from cases where title like ${`${titlePrefix}%`} group by title having count(*) > 1) d`;
  const [{ cases: caseCount } = { cases: -1 }] = await sql<{ cases: number }[]>`select count(*)::int as cases from cases where title like ${`${titlePrefix}%`}`;
  check(duplicates === 0, `${duplicates} submissions were registered more than once`);
  check(caseCount === all.length, `${caseCount} cases for ${all.length} submissions`);

  // The sweep across the outage: each armed clock reminded exactly once.
  const clockIds = armed.map((c) => c.id);
  const caseIds = armed.map((c) => c.case_id);
  let alerts = 0;
  for (let waited = 0; waited < 120_000; waited += 1000) {
    alerts = (await sql<{ alerts: number }[]>`select count(*)::int as alerts from clock_alerts where clock_id = any(${clockIds}::uuid[])`)[0]!.alerts;
    if (alerts >= clockIds.length) break;
    await sleep(1000);
  }
  const reminders = await sql<{ case_id: string; n: number }[]>`
    select case_id, count(*)::int as n from timeline_events where kind = 'clock_reminder' and case_id = any(${caseIds}::uuid[]) group by case_id`;
  const remindedOnce = reminders.filter((r) => r.n === 1).length;
  check(alerts === clockIds.length, `${alerts} reminders claimed for ${clockIds.length} armed clocks`);
  check(remindedOnce === clockIds.length && reminders.length === clockIds.length, `${remindedOnce} of ${clockIds.length} armed clocks reminded exactly once (${reminders.filter((r) => r.n > 1).length} more than once)`);

  // The audit chains came through: sealed across the outage, unbroken.
  const handle = await openDatabase({ url: db.url, maxConnections: 2 });
  await sealAuditChains(handle.db);
  const audit = await verifyAuditChains(handle.db);
  await handle.close();
  check(audit.ok, `audit chains broken: ${JSON.stringify(audit.chains.filter((c) => c.broken))} unsealed ${audit.unsealed.length}`);

  const times503 = answers.filter((a) => a.status === 503).map((a) => a.ms).sort((a, b) => a - b);
  const median503 = times503[Math.floor(times503.length / 2)] ?? 0;
  const slowest503 = times503.at(-1) ?? 0;
  console.log(`\nPostgreSQL down for ${seconds(startingAt - stoppedAt)} s (${control.describe}), ${clients} clients submitting`);
  console.log(`during the outage: ${duringOutage.length} answers, all 503 in Chinese with Retry-After (median ${Math.round(median503)} ms, slowest ${Math.round(slowest503)} ms; the connect timeout is 5 s); health reported it ${health.length}/${health.length} times`);
  console.log(`recovered: healthy ${seconds(healthyAfterMs)} s and first case number ${seconds(firstAckAfter)} s after PostgreSQL was back`);
  console.log(`deadline sweep: ${clockIds.length} clocks armed, ${claimedBefore} reminded just before the stop, ${alerts} after recovery, ${remindedOnce} exactly once`);
  console.log(`audit: ${audit.chains.length} chains, ${audit.chains.reduce((n, c) => n + c.links, 0)} links verified`);
  console.log(`retried all ${all.length} with the same key after recovery: ${same} got the case number they had been given, ${registeredNow} registered now`);
  console.log(`sent ${all.length}, acknowledged ${acknowledged.length}, failed cleanly ${failedCleanly.length}, found afterwards ${found.length}, duplicates ${duplicates}`);
} catch (error) {
  failures.push(`the fault test itself failed: ${(error as Error).stack ?? error}`);
} finally {
  await sql.end({ timeout: 5 }).catch(() => {});
  serverLog = app.output();
  await app.stop();
  await sleep(1000);
  await db.drop().catch((error) => console.error('could not drop the test database', error));
}

if (failures.length) {
  console.error(`\nFAULT TEST FAILED:\n- ${failures.join('\n- ')}`);
  // What the app logged about it (error classes and codes, never data): the last warnings and errors.
  const logged = serverLog.split('\n').filter((line) => /"level":"(warn|error)"/.test(line));
  console.error(`\nthe app's last ${Math.min(logged.length, 15)} of ${logged.length} warnings and errors:\n${logged.slice(-15).join('\n')}`);
  process.exit(1);
}
console.log('fault test passed');
