// `npm run bench`: load scenarios against the built app on a fresh PostgreSQL database, each
// reported as a ratio to a baseline measured in the same run. Writes results/latest.json.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { demoPassword } from '../../db/demo';
import { randomBytes } from 'node:crypto';
import { startApp } from '../e2e/server';
import { freshPostgres, runScenario, runSqlScenario, signInCookie, type ScenarioResult } from './harness';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const duration = Number(process.env.BENCH_SECONDS ?? 10);

const db = await freshPostgres();
const secret = () => randomBytes(32).toString('base64url');
const server = await startApp({ DATABASE_URL: db.url, AUTH_SECRET: secret(), DATA_KEY: secret() });
const results: (ScenarioResult & { baseline_rps: number; ratio: number })[] = [];
try {
  const cookie = await signInCookie(server.baseUrl, '13800000001', demoPassword);
  const sql = postgres(db.url, { max: 1 });
  const [center] = await sql<{ id: string }[]>`select id from centers where region_code = '330421'`;
  await sql.end();

  const warm = { url: `${server.baseUrl}/api/trpc/system.ping`, connections: 4, duration: 2 };
  await runScenario('warm-up', warm);
  const baseline = await runScenario('empty tRPC procedure (system.ping)', {
    url: `${server.baseUrl}/api/trpc/system.ping`,
    connections,
    duration,
  });

  let n = 0;
  const intake = await runScenario('intake submission (petition.submit)', {
    url: `${server.baseUrl}/api/trpc/petition.submit`,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    requests: [
      {
        setupRequest: (req) => {
          n++;
          // Every submission is a different matter (its own respondent and words), as at a real window.
          req.body = JSON.stringify({
            json: {
              centerId: center!.id,
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

  for (const r of [baseline, intake]) {
    results.push({ ...r, baseline_rps: baseline.rps, ratio: Math.round((r.rps / baseline.rps) * 1000) / 1000 });
  }

  // A case with 2,000 timeline entries, read by a panel member: the endpoint against the one
  // indexed query that returns the same rows.
  const timeline = await timelineFixture(server.baseUrl, center!.id, cookie);
  const mediatorCookie = await signInCookie(server.baseUrl, 'mediator', demoPassword);
  const endpoint = await runScenario('timeline first page, 2,000 entries, as a panel member (case.timeline)', {
    url: `${server.baseUrl}/api/trpc/case.timeline?input=${encodeURIComponent(JSON.stringify({ json: { caseId: timeline.caseId, limit: 50 } }))}`,
    connections,
    duration,
    headers: { cookie: mediatorCookie },
  });
  // One request at a time: the server-side latency of a page, without queueing.
  const alone = await runScenario('timeline first page, one connection (case.timeline)', {
    url: `${server.baseUrl}/api/trpc/case.timeline?input=${encodeURIComponent(JSON.stringify({ json: { caseId: timeline.caseId, limit: 50 } }))}`,
    connections: 1,
    duration,
    headers: { cookie: mediatorCookie },
  });
  const direct = postgres(db.url, { max: connections });
  const sqlFloor = await runSqlScenario(
    'the same 50 rows by one indexed SQL query',
    () => direct`
      select e.id, e.kind, e.visibility, e.caucus_party_id, e.body, e.created_at, u.display_name
      from timeline_events e left join users u on u.id = e.actor_id
      where e.case_id = ${timeline.caseId} and e.center_id = ${timeline.centerId}
        and e.visibility in ('parties', 'panel', 'internal', 'caucus')
      order by e.created_at desc, e.id desc limit 50`,
    { connections, duration },
  );
  await direct.end();
  for (const r of [sqlFloor, endpoint, alone]) {
    results.push({ ...r, baseline_rps: sqlFloor.rps, ratio: Math.round((r.rps / sqlFloor.rps) * 1000) / 1000 });
  }
} finally {
  await server.stop();
  await new Promise((r) => setTimeout(r, 1000));
  await db.drop();
}

fs.mkdirSync('tests/bench/results', { recursive: true });
fs.writeFileSync('tests/bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.table(results.map(({ requests: _r, ...r }) => r));

/** Submits, accepts and staffs one case through the API, then writes 2,000 entries straight into it. */
async function timelineFixture(baseUrl: string, centerId: string, petitionerCookie: string) {
  const call = async (cookie: string, path: string, input: unknown) => {
    const res = await fetch(`${baseUrl}/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ json: input }),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { result: { data: { json: Record<string, unknown> } } }).result.data.json;
  };
  const created = await call(petitionerCookie, 'petition.submit', {
    centerId,
    category: 'labor_wages',
    title: '时间线基准案件',
    description: '用于测量时间线读取。',
    request: '支付工资',
    respondent: { kind: 'organization', name: '基准测试公司' },
    applicants: [{ name: '王大海', phone: '13800000001', isRepresentative: true }],
    evidenceIds: [],
    idempotencyKey: randomUUID(),
  });
  const caseId = created.id as string;
  const clerk = await signInCookie(baseUrl, 'clerk', demoPassword);
  await call(clerk, 'intake.decide', { caseId, decision: 'accept', expectedVersion: 1 });
  const sql = postgres(db.url, { max: 1 });
  const [mediator] = await sql<{ id: string }[]>`select id from users where username = 'mediator'`;
  const director = await signInCookie(baseUrl, 'director', demoPassword);
  await call(director, 'panel.assign', { caseId, members: [{ userId: mediator!.id, isLead: true }], expectedVersion: 2 });
  const visibilities = ['parties', 'panel', 'internal', 'caucus'];
  const [party] = await sql<{ id: string }[]>`select id from case_parties where case_id = ${caseId} limit 1`;
  const rows = Array.from({ length: 2000 }, (_, i) => ({
    center_id: centerId,
    case_id: caseId,
    kind: 'note',
    visibility: visibilities[i % 4]!,
    caucus_party_id: i % 4 === 3 ? party!.id : null,
    actor_id: mediator!.id,
    body: sql.json({ text: `第${i}条记录` }),
    created_at: new Date(Date.now() - (2000 - i) * 60_000),
  }));
  await sql`insert into timeline_events ${sql(rows)}`;
  await sql`analyze timeline_events`;
  await sql.end();
  return { caseId, centerId };
}
