// `npm run bench`: load scenarios against the built app, on a fresh PostgreSQL database and on
// a fresh embedded PGlite database, each scenario reported as a ratio to the empty procedure
// measured in the same run, interleaved with it. Writes results/latest.json.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes, randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { demoPassword } from '../../db/demo';
import { startApp } from '../e2e/server';
import { freshPostgres, httpLoad, interleaved, signInCookie, sqlLoad, summarize, type Load, type Meters, type ScenarioResult } from './harness';
import { groupCpuMs, roundTripCounter } from './wire';
import { benchDashboards } from './dashboards';
import type autocannon from 'autocannon';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = 2;
// While working on one path: `BENCH_ONLY=timeline BENCH_ENGINES=postgres npm run bench`.
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const engines = (process.env.BENCH_ENGINES ?? 'postgres,pglite').split(',');
// `BENCH_PROFILE=/tmp/profiles`: the app's processes write V8 CPU profiles there when they stop.
const profiling: Record<string, string> = process.env.BENCH_PROFILE ? { NODE_OPTIONS: `--import ${pathToFileURL(path.resolve('tests/bench/cpu-profile.mjs')).href}` } : {};
const timelineEntries = 2000;

type Engine = 'postgres' | 'pglite';
interface Row extends ScenarioResult {
  engine: Engine;
  baseline: string;
  baseline_rps: number;
  ratio: number;
  /** The timeline's bare SQL query, sent straight to PostgreSQL: a second reference. */
  sql_rps?: number;
}

const results: Row[] = [];
const secret = () => randomBytes(32).toString('base64url');

const db = await freshPostgres();
const wire = await roundTripCounter(db.url);
try {
  if (engines.includes('postgres')) {
    const app = await startApp({ DATABASE_URL: wire.url, AUTH_SECRET: secret(), DATA_KEY: secret(), ...profiling });
    try {
      await benchEngine('postgres', app, { roundTrips: wire.roundTrips, cpuMs: cpuOf(app.processGroup) });
    } finally {
      await app.stop();
    }
  }
} finally {
  await wire.close();
  await new Promise((r) => setTimeout(r, 1000));
  await db.drop();
}
// On the million-case load (made by `npm run db:generate-load` when missing or of another size).
if (engines.includes('postgres') && (!only || only.test('dashboard'))) {
  const app = (env: Record<string, string>) => startApp({ ...env, AUTH_SECRET: secret(), DATA_KEY: secret(), ...profiling });
  results.push(...(await benchDashboards(app, { duration, rounds })).map((r) => ({ ...r, engine: 'postgres' as const })));
}
if (engines.includes('pglite')) {
  const embedded = await startApp(profiling);
  try {
    await benchEngine('pglite', embedded, { cpuMs: cpuOf(embedded.processGroup) });
  } finally {
    await embedded.stop();
  }
}

// A partial run (filtered) only prints its table: latest.json is always a whole run.
if (!only && engines.includes('postgres') && engines.includes('pglite')) {
  fs.mkdirSync('tests/bench/results', { recursive: true });
  fs.writeFileSync('tests/bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
}
console.table(results.map(({ requests: _r, baseline: _b, ...r }) => r));

function cpuOf(group: number | undefined) {
  return group ? () => groupCpuMs(group) : undefined;
}

async function benchEngine(engine: Engine, app: { baseUrl: string }, meters: Meters) {
  const base = app.baseUrl;
  const petitioner = await signInCookie(base, '13800000001', demoPassword);
  const [clerk, mediator] = [await signInCookie(base, 'clerk', demoPassword), await signInCookie(base, 'mediator', demoPassword)];
  const centerId = ((await call(base, petitioner, 'petition.centers', undefined, 'GET')) as { id: string; regionCode: string }[]).find(
    (c) => c.regionCode === '330421',
  )!.id;
  const fixture = await timelineFixture(base, engine, centerId, petitioner, clerk, mediator);
  const ping = (c: number): autocannon.Options => ({ url: `${base}/api/trpc/system.ping`, connections: c });
  const timelineUrl = `${base}/api/trpc/case.timeline?input=${encodeURIComponent(JSON.stringify({ json: { caseId: fixture.caseId, limit: 50 } }))}`;

  // Read scenarios first, on a database the intake scenario has not filled yet.
  const timeline = await versus(engine, meters, 'timeline first page, 2,000 entries, panel member (case.timeline)', ping(connections), {
    url: timelineUrl,
    connections,
    headers: { cookie: mediator },
  });
  if (timeline && engine === 'postgres') {
    const direct = postgres(db.url, { max: connections });
    const floor = summarize('bare SQL', [
      await sqlLoad(
        () => direct`
          select e.id, e.kind, e.visibility, e.caucus_party_id, e.body, e.created_at, u.display_name
          from timeline_events e left join users u on u.id = e.actor_id
          where e.case_id = ${fixture.caseId} and e.center_id = ${centerId}
            and e.visibility in ('parties', 'panel', 'internal', 'caucus')
          order by e.created_at desc, e.id desc limit 50`,
        { connections, duration },
      ),
    ]);
    await direct.end();
    timeline.sql_rps = floor.rps;
  }
  await versus(engine, meters, 'timeline first page, one connection (case.timeline)', ping(1), { url: timelineUrl, connections: 1, headers: { cookie: mediator } });
  await versus(engine, meters, 'case page as a panel member (/cases/[id])', ping(connections), {
    url: `${base}/cases/${fixture.caseId}`,
    connections,
    headers: { cookie: mediator },
  });
  await versus(engine, meters, 'intake queue page as the clerk (/intake)', ping(connections), { url: `${base}/intake`, connections, headers: { cookie: clerk } });

  let n = 0;
  await versus(engine, meters, 'intake submission (petition.submit)', ping(connections), {
    url: `${base}/api/trpc/petition.submit`,
    connections,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: petitioner },
    requests: [
      {
        setupRequest: (req) => {
          n++;
          // Every submission is a different matter (its own respondent and words), as at a real window.
          req.body = JSON.stringify({
            json: {
              centerId,
              category: 'labor_wages',
              title: `第${n}号工地拖欠工资`,
              description: `工地${n}号项目拖欠工人工资，金额${n * 100}元，多次讨要未果。`,
              request: '支付拖欠工资',
              amountInDispute: String(n * 100),
              respondent: { kind: 'organization', name: `建筑公司${n}` },
              applicants: [{ name: '王大海', phone: '13800000001', idNumber: '33042119900101123X', isRepresentative: true }],
              evidenceIds: [],
              idempotencyKey: randomUUID(),
            },
          });
          return req;
        },
      },
    ],
  });
}

/** A scenario and the empty procedure at the same concurrency: warmed up, then interleaved. */
async function versus(engine: Engine, meters: Meters, scenario: string, baseline: autocannon.Options, options: autocannon.Options): Promise<Row | null> {
  if (only && !only.test(scenario)) return null;
  const stretch = (o: autocannon.Options, seconds: number, c = o.connections) => httpLoad({ ...o, duration: seconds, connections: c }, meters);
  await stretch(baseline, 2, Math.min(4, baseline.connections ?? 1));
  await stretch(options, 2, Math.min(4, options.connections ?? 1));
  const loads = await interleaved<Load>(
    rounds,
    () => stretch(baseline, duration / rounds),
    () => stretch(options, duration / rounds),
  );
  const base = summarize(`empty tRPC procedure (system.ping), ${baseline.connections} connection(s)`, loads.baseline);
  const row: Row = { ...summarize(scenario, loads.scenario), engine, baseline: base.scenario, baseline_rps: base.rps, ratio: 0 };
  row.ratio = Math.round((row.rps / base.rps) * 1000) / 1000;
  results.push({ ...base, engine, baseline: base.scenario, baseline_rps: base.rps, ratio: 1 }, row);
  return row;
}

async function call(baseUrl: string, cookie: string, path: string, input: unknown, method: 'GET' | 'POST' = 'POST') {
  const res =
    method === 'GET'
      ? await fetch(`${baseUrl}/api/trpc/${path}`, { headers: { cookie } })
      : await fetch(`${baseUrl}/api/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ json: input }),
        });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

/**
 * One case submitted, accepted and staffed through the API, with 2,000 timeline entries of every
 * visibility: written straight into PostgreSQL, or posted through the API on PGlite (whose
 * database only the app's process can open).
 */
async function timelineFixture(baseUrl: string, engine: Engine, centerId: string, petitioner: string, clerk: string, mediator: string) {
  const created = (await call(baseUrl, petitioner, 'petition.submit', {
    centerId,
    category: 'labor_wages',
    title: '时间线基准案件',
    description: '用于测量时间线读取。',
    request: '支付工资',
    respondent: { kind: 'organization', name: '基准测试公司' },
    applicants: [{ name: '王大海', phone: '13800000001', isRepresentative: true }],
    evidenceIds: [],
    idempotencyKey: randomUUID(),
  })) as { id: string };
  const caseId = created.id;
  await call(baseUrl, clerk, 'intake.decide', { caseId, decision: 'accept', expectedVersion: 1 });
  const director = await signInCookie(baseUrl, 'director', demoPassword);
  const me = (await call(baseUrl, mediator, 'auth.me', undefined, 'GET')) as { id: string };
  await call(baseUrl, director, 'panel.assign', { caseId, members: [{ userId: me.id, isLead: true }], expectedVersion: 2 });
  const visibilities = ['parties', 'panel', 'internal', 'caucus'] as const;
  const view = (await call(baseUrl, mediator, `case.get?input=${encodeURIComponent(JSON.stringify({ json: { caseId } }))}`, undefined, 'GET')) as {
    parties: { id: string }[];
  };
  const partyId = view.parties[0]!.id;
  if (engine === 'postgres') {
    const sql = postgres(db.url, { max: 1 });
    const rows = Array.from({ length: timelineEntries }, (_, i) => ({
      center_id: centerId,
      case_id: caseId,
      kind: 'note',
      visibility: visibilities[i % 4]!,
      caucus_party_id: i % 4 === 3 ? partyId : null,
      actor_id: me.id,
      body: sql.json({ text: `第${i}条记录` }),
      created_at: new Date(Date.now() - (timelineEntries - i) * 60_000),
    }));
    await sql`insert into timeline_events ${sql(rows)}`;
    await sql`analyze`;
    await sql.end();
  } else {
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = next++; i < timelineEntries; i = next++) {
          const visibility = visibilities[i % 4]!;
          await call(baseUrl, mediator, 'case.post', { caseId, text: `第${i}条记录`, visibility, ...(visibility === 'caucus' && { caucusPartyId: partyId }) });
        }
      }),
    );
  }
  return { caseId };
}
