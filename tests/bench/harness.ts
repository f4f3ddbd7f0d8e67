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
  /** Times a request waited on the database (PostgreSQL only; see wire.ts). */
  round_trips_per_request: number | null;
  /** CPU time of the app's processes per request. */
  cpu_ms_per_request: number | null;
}

/** What one stretch of load did: every response's latency, and the counters read around it. */
export interface Load {
  latencies: number[];
  seconds: number;
  errors: number;
  roundTrips: number | null;
  cpuMs: number | null;
}

/** Counters read before and after each stretch of load (either may be absent). */
export interface Meters {
  roundTrips?: () => number;
  cpuMs?: () => number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function metered(meters: Meters, run: () => Promise<{ latencies: number[]; seconds: number; errors: number }>): Promise<Load> {
  const before = { roundTrips: meters.roundTrips?.(), cpuMs: meters.cpuMs?.() };
  const load = await run();
  return {
    ...load,
    roundTrips: before.roundTrips === undefined ? null : meters.roundTrips!() - before.roundTrips,
    cpuMs: before.cpuMs === undefined ? null : meters.cpuMs!() - before.cpuMs,
  };
}

/** One stretch of HTTP load; latencies are recorded per response, so percentiles are exact. */
export function httpLoad(options: autocannon.Options, meters: Meters = {}): Promise<Load> {
  return metered(meters, async () => {
    const latencies: number[] = [];
    let bad = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(options, (err, done) => (err ? reject(err) : resolve(done)));
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        latencies.push(responseTime);
        if (statusCode >= 400) bad++;
      });
    });
    return { latencies, seconds: result.duration || 1, errors: bad + result.errors + result.timeouts };
  });
}

/** The same for a query sent straight to the database: the floor an endpoint is compared to. */
export function sqlLoad(query: () => Promise<unknown>, options: { connections: number; duration: number }): Promise<Load> {
  return metered({}, async () => {
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
    return { latencies, seconds: options.duration, errors };
  });
}

/** Stretches of load of one scenario, summed into one result. */
export function summarize(scenario: string, loads: Load[]): ScenarioResult {
  const latencies = loads.flatMap((l) => l.latencies).sort((a, b) => a - b);
  const seconds = loads.reduce((sum, l) => sum + l.seconds, 0);
  const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
  const perRequest = (pick: (l: Load) => number | null) =>
    loads.some((l) => pick(l) === null) || latencies.length === 0 ? null : round(loads.reduce((sum, l) => sum + pick(l)!, 0) / latencies.length, 2);
  return {
    scenario,
    rps: round(latencies.length / (seconds || 1)),
    p50_ms: round(percentile(latencies, 50)),
    p95_ms: round(percentile(latencies, 95)),
    p99_ms: round(percentile(latencies, 99)),
    errors: loads.reduce((sum, l) => sum + l.errors, 0),
    requests: latencies.length,
    round_trips_per_request: perRequest((l) => l.roundTrips),
    cpu_ms_per_request: perRequest((l) => l.cpuMs),
  };
}

/**
 * A scenario against its baseline, interleaved (baseline, scenario, baseline, scenario, …) after
 * a warm-up of each, so a machine that gets busier or quieter during the run favours neither.
 */
export async function interleaved<T>(rounds: number, baseline: () => Promise<T>, scenario: () => Promise<T>): Promise<{ baseline: T[]; scenario: T[] }> {
  const out = { baseline: [] as T[], scenario: [] as T[] };
  for (let i = 0; i < rounds; i++) {
    out.baseline.push(await baseline());
    out.scenario.push(await scenario());
  }
  return out;
}
