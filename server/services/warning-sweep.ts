import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { centers, users, warningAlerts } from '../../db/schema';
import { notifyAccount } from '../notify/account';
import { logError } from '../log';
import { centerWarnings, warningMarkKey, type CenterWarning } from './early-warnings';

/**
 * Tells each red warning's owner (none: the center's directors) once, in their inbox and by
 * text. Run by the background scheduler, not by the dashboard: a page load must not send
 * anything, and a warning nobody looks at must still reach its owner. Each notice is claimed
 * by the alert row's key (center, rule, warning, level) in its own transaction, so any number
 * of sweepers and restarts send it once.
 */
export async function runWarningSweep(db: Database, now: Date = new Date()): Promise<{ sent: number }> {
  let sent = 0;
  for (const center of await db.select({ id: centers.id }).from(centers)) {
    // Those already told are skipped before any transaction (the claim below still decides).
    const [warnings, told] = await Promise.all([
      centerWarnings(db, center.id, now),
      db.select({ rule: warningAlerts.rule, key: warningAlerts.key, level: warningAlerts.level }).from(warningAlerts).where(eq(warningAlerts.centerId, center.id)),
    ]);
    const toldKeys = new Set(told.map((a) => warningMarkKey({ rule: a.rule, ref: a.key, level: a.level })));
    const red = warnings.filter((w) => w.level === 'red' && !w.acknowledgement && !toldKeys.has(warningMarkKey(w)));
    for (const warning of red) {
      try {
        if (await tellOwner(db, center.id, warning, now)) sent++;
      } catch (error) {
        // One warning's failure must not stop the others; the next sweep tries it again.
        logError('sweep.warning', error, { centerId: center.id, rule: warning.rule });
      }
    }
  }
  return { sent };
}

function tellOwner(db: Database, centerId: string, warning: CenterWarning, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(warningAlerts)
      .values({ centerId, rule: warning.rule, key: warning.ref, level: warning.level, sentAt: now })
      .onConflictDoNothing()
      .returning({ key: warningAlerts.key });
    if (claimed.length === 0) return false;
    const recipients = warning.owner
      ? [warning.owner.id]
      : (await tx.select({ id: users.id }).from(users).where(and(eq(users.centerId, centerId), eq(users.role, 'director'), eq(users.status, 'active')))).map((u) => u.id);
    // Counts only: the notice (and its text message) carries no names or words of the case.
    for (const userId of recipients) {
      await notifyAccount(tx, userId, { key: `warnings.redNotice.${warning.rule}`, values: { cases: warning.caseIds.length } });
    }
    return true;
  });
}
