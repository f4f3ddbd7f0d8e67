import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { seedDemo } from '../../db/seed';
import { centers, systemSettings } from '../../db/schema';
import type { AppMode } from '../config';

export class ModeMismatch extends Error {
  constructor(
    readonly recorded: AppMode,
    readonly requested: AppMode,
  ) {
    super(`this database was set up in ${recorded} mode; starting it in ${requested} mode needs --change-mode`);
  }
}

/**
 * The mode an installation runs in is recorded the first time it starts. A demo database
 * (public demo passwords, codes on screen) can then never quietly become a real site, nor a
 * real site start showing codes: switching needs an explicit flag.
 */
export async function settleMode(db: Database, requested: AppMode, allowChange: boolean): Promise<'recorded' | 'same' | 'changed'> {
  const [row] = await db.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, 'mode'));
  if (!row) {
    await db.insert(systemSettings).values({ key: 'mode', value: requested }).onConflictDoNothing();
    return 'recorded';
  }
  const recorded = row.value as AppMode;
  if (recorded === requested) return 'same';
  if (!allowChange) throw new ModeMismatch(recorded, requested);
  await db.update(systemSettings).set({ value: requested, updatedAt: new Date() }).where(eq(systemSettings.key, 'mode'));
  return 'changed';
}

/**
 * What every start does after migrating: settle the mode, seed the demo center and accounts
 * in demo mode only (their password is public), and tell whether a real site still has no
 * center (then `npm run db:bootstrap` creates the first).
 */
export async function prepareInstallation(db: Database, mode: AppMode, allowModeChange: boolean) {
  await settleMode(db, mode, allowModeChange);
  const seeded = mode === 'demo' ? await seedDemo(db) : false;
  const empty = (await db.select({ id: centers.id }).from(centers).limit(1)).length === 0;
  return { seeded, empty };
}
