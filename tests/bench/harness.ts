import autocannon from 'autocannon';
import postgres from 'postgres';

/** A fresh PostgreSQL database for one benchmark run (benchmarks never run on PGlite). */
export async function freshPostgres(
  server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  prefix = 'onewindow_bench',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Signs in through next-auth's credentials callback, as the sign-in form does; returns the Cookie header. */
export async function signInCookie(baseUrl: string, username: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!, v.join('='));
    }
  };
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true' }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in failed for ${username}`);
  return cookie();
}

export interface ScenarioResult {
  scenario: string;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  errors: number;
  requests: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs one load scenario; latencies are recorded per response, so p95 is exact. */
export async function runScenario(
  scenario: string,
  options: autocannon.Options,
): Promise<ScenarioResult> {
  const latencies: number[] = [];
  let bad = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, done) => (err ? reject(err) : resolve(done)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 400) bad++;
    });
  });
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    scenario,
    rps: round(latencies.length / (result.duration || 1)),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    errors: bad + result.errors + result.timeouts,
    requests: latencies.length,
  };
}

/** The same measurements for a query sent straight to the database: the floor an endpoint is compared to. */
export async function runSqlScenario(
  scenario: string,
  query: () => Promise<unknown>,
  options: { connections: number; duration: number },
): Promise<ScenarioResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + options.duration * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (Date.now() < end) {
        const start = performance.now();
        try {
          await query();
        } catch {
          errors++;
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    scenario,
    rps: round(latencies.length / options.duration),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    errors,
    requests: latencies.length,
  };
}
