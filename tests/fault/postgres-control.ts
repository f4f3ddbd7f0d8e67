import { exec, execFile, execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';

/**
 * Stops and starts the PostgreSQL server the fault test runs against. By default the local
 * Debian cluster through pg_ctlcluster (needs root or the postgres user); FAULT_PG_STOP and
 * FAULT_PG_START replace both with shell commands (systemctl, docker, …).
 */
export interface PostgresControl {
  describe: string;
  /** Asynchronous, so the load keeps running while the server shuts down and starts. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** For an exiting process, which cannot wait for a promise. */
  startNow(): void;
}

export function postgresControl(): PostgresControl {
  const stopCommand = process.env.FAULT_PG_STOP;
  const startCommand = process.env.FAULT_PG_START;
  if (stopCommand && startCommand) {
    const run = promisify(exec);
    return {
      describe: 'FAULT_PG_STOP / FAULT_PG_START',
      stop: async () => void (await run(stopCommand)),
      start: async () => void (await run(startCommand)),
      startNow: () => void execSync(startCommand, { stdio: 'inherit' }),
    };
  }
  const versions = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql') : [];
  if (versions.length !== 1) {
    throw new Error('cannot tell which PostgreSQL cluster to stop (expected one version under /etc/postgresql); set FAULT_PG_STOP and FAULT_PG_START');
  }
  const args = (action: 'stop' | 'start') => ['--skip-systemctl-redirect', versions[0]!, 'main', action];
  const run = promisify(execFile);
  return {
    describe: `pg_ctlcluster ${versions[0]} main, fast shutdown: open transactions rolled back, clients cut`,
    stop: async () => void (await run('pg_ctlcluster', args('stop'))),
    start: async () => void (await run('pg_ctlcluster', args('start'))),
    startNow: () => void execFileSync('pg_ctlcluster', args('start'), { stdio: 'inherit' }),
  };
}

/**
 * Runs `during` with PostgreSQL stopped and always starts it again — when `during` throws,
 * and when the process is interrupted or exits — so a failed test never leaves the server down.
 * Returns when it was down (stop finished) and back (start finished, accepting connections).
 */
export async function withPostgresStopped<T>(control: PostgresControl, during: () => Promise<T>) {
  let down = false;
  const startNow = () => {
    if (down) control.startNow();
    down = false;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    startNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', startNow);
  try {
    down = true;
    await control.stop();
    const stoppedAt = performance.now();
    const result = await during();
    const startingAt = performance.now();
    await control.start();
    down = false;
    return { result, stoppedAt, startingAt, startedAt: performance.now() };
  } finally {
    if (down) {
      down = false;
      await control.start();
    }
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', startNow);
  }
}
