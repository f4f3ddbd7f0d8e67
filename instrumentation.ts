// Next.js calls this once when a server process starts: it starts the background work there
// (the legal clocks' sweep, the retention sweep, the audit sealer, PGlite's statistics).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { auditSealIntervalMs, retentionPolicy, sweepIntervalMs } = await import('./server/config');
  const intervals = { sweepMs: sweepIntervalMs(), sealMs: auditSealIntervalMs() };
  if (intervals.sweepMs === 0 && intervals.sealMs === 0) return;
  const [{ backgroundDatabase }, { scheduleDeadlineSweeps }, { scheduleBackgroundWork }] = await Promise.all([
    import('./server/db'),
    import('./server/services/deadline-sweep'),
    import('./server/services/scheduler'),
  ]);
  if (intervals.sweepMs > 0) scheduleDeadlineSweeps(async () => (await backgroundDatabase()).db, intervals.sweepMs);
  scheduleBackgroundWork(backgroundDatabase, intervals, retentionPolicy());
}
