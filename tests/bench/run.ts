// `npm run bench`: load scenarios against the built app on a fresh PostgreSQL database, each
// reported as a ratio to a baseline measured in the same run. Writes results/latest.json.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { demoPassword } from '../../db/demo';
import { randomBytes } from 'node:crypto';
import { startApp } from '../e2e/server';
import { freshPostgres, runScenario, signInCookie, type ScenarioResult } from './harness';

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
} finally {
  await server.stop();
  await new Promise((r) => setTimeout(r, 1000));
  await db.drop();
}

fs.mkdirSync('tests/bench/results', { recursive: true });
fs.writeFileSync('tests/bench/results/latest.json', `${JSON.stringify(results, null, 2)}\n`);
console.table(results.map(({ requests: _r, ...r }) => r));
