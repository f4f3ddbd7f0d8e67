import type { DatabaseHandle } from '../../db/client';
import { refreshPlannerStatistics } from '../../db/statistics';
import { logError } from '../log';
import { sealAuditChains } from './audit-chain';
import { refreshCaseFacts } from './case-facts';
import { runRetentionSweep, type RetentionPolicy } from './retention';
import { runWarningSweep } from './warning-sweep';

export interface BackgroundIntervals {
  /** The legal clocks' sweep (SWEEP_INTERVAL_SECONDS); 0 = no sweeps in this process, retention included. */
  sweepMs: number;
  /** Linking new audit rows into their chains (AUDIT_SEAL_INTERVAL_SECONDS); 0 = not in this process. */
  sealMs: number;
}

/** Erasing personal data after the retention period: hourly where the deadline sweep runs (the period is years). */
const retentionEveryMs = 3600_000;
/** PGlite has no autovacuum: its planner's statistics are refreshed by us, every 10 minutes. */
const statisticsEveryMs = 600_000;

const timers: NodeJS.Timeout[] = [];

/**
 * Background work of a server process besides the deadline sweep (which schedules itself,
 * server/services/deadline-sweep.ts): the retention sweep, red early warnings told to their
 * owners, the dashboard rollup's refresh, the audit sealer and, on PGlite, the planner's statistics. Any number of
 * instances may run them: each erasure re-checks its case under a row lock, each chain is
 * sealed under its own advisory lock. A job never overlaps itself in one process (a slow run
 * makes the next tick skip), and a failed run — the database away, say — is logged and tried
 * again at the next tick.
 */
export function scheduleBackgroundWork(openHandle: () => Promise<DatabaseHandle>, intervals: BackgroundIntervals, retention: RetentionPolicy) {
  if (timers.length) return;
  const open = async () => (await openHandle()).db;
  every('retention.run', intervals.sweepMs > 0 ? retentionEveryMs : 0, 60_000, async () => {
    const db = await open();
    // Batches of 100 until none are left (or a batch makes no progress: retried next hour).
    for (let run = await runRetentionSweep(db, retention); run.more && run.erased > 0; run = await runRetentionSweep(db, retention));
  });
  // With the clocks' sweep (a warning turns red with time as well as with new cases), but not
  // more often than every 30 s: each run builds every center's warnings.
  every('warnings.notify', atLeast(intervals.sweepMs, 30_000), 30_000, async () => {
    await runWarningSweep(await open());
  });
  // The dashboard's rollup digested between reads too, so a read after a busy day waits on
  // little; once a minute at most (a refresh works through up to 5,000 marked cases).
  every('case_facts.refresh', atLeast(intervals.sweepMs, 60_000), 60_000, async () => {
    await refreshCaseFacts(await open());
  });
  every('audit.seal', intervals.sealMs, 1_000, async () => {
    await sealAuditChains(await open());
  });
  every('db.analyze', statisticsEveryMs, statisticsEveryMs, async () => {
    await refreshPlannerStatistics(await openHandle());
  });
}

/** An interval no shorter than `floorMs`, off (0) when the sweeps are off. */
const atLeast = (ms: number, floorMs: number) => (ms > 0 ? Math.max(ms, floorMs) : 0);

function every(event: string, ms: number, firstAfterMs: number, job: () => Promise<unknown>) {
  if (ms <= 0) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      logError(event, error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, ms);
  timer.unref();
  timers.push(timer, setTimeout(tick, Math.min(firstAfterMs, ms)).unref());
}
