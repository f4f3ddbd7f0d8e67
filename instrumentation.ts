// Next.js calls this once when a server process starts: it starts the deadline sweeps there.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { sweepIntervalMs } = await import('./server/config');
  const every = sweepIntervalMs();
  if (every === 0) return;
  const [{ appDatabase }, { scheduleDeadlineSweeps }] = await Promise.all([import('./server/db'), import('./server/services/deadline-sweep')]);
  scheduleDeadlineSweeps(async () => (await appDatabase()).db, every);
}
