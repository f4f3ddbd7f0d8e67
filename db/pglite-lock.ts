import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no server to keep a second process out of its data directory (its
 * postmaster.pid is a fixed placeholder), and two processes writing it corrupt it. So each
 * process that opens it leaves its pid in `onewindow.lock` beside it, and another process
 * refuses while that one lives — a backup or a second `npm start` while the app runs.
 */
export function claimDataDir(dir: string): () => void {
  const lock = path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
  const holder = Number(fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8').trim() : NaN);
  if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
    throw new Error(`the embedded database in ${dir} is open in process ${holder} (the app?): stop it first (if no such process is yours, remove ${lock})`);
  }
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  fs.writeFileSync(lock, String(process.pid));
  return () => {
    if (fs.existsSync(lock) && fs.readFileSync(lock, 'utf8').trim() === String(process.pid)) fs.rmSync(lock, { force: true });
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
