import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { agreements, caseClocks, cases, clockAlerts, panelMembers, users } from '../../db/schema';
import { thresholdAt } from '../domain/clocks';
import { recordEvent } from './case-events';
import { systemContext, type ServiceContext } from './context';
import { runTermSweep } from './performance';
import { logError } from '../log';

/**
 * Reminders of running clocks: three days before and on the due day to the one who must act
 * (the panel's lead; for acceptance the clerk who registered it, else the center's clerks),
 * and once overdue to the director too. Each reminder goes out exactly once per clock,
 * threshold and due date: the alert row's primary key decides, in the same transaction as
 * the reminder, so any number of sweepers and restarts send it once.
 */
export async function runDeadlineSweep(db: Database, now: Date = new Date()): Promise<{ sent: number }> {
  // Anything due within four days covers "three days before" in every time zone.
  const horizon = new Date(now.getTime() + 4 * 86_400_000);
  const due = await db
    .select({ id: caseClocks.id, kind: caseClocks.kind, dueAt: caseClocks.dueAt, centerId: caseClocks.centerId, caseId: caseClocks.caseId, createdBy: cases.createdBy })
    .from(caseClocks)
    .innerJoin(cases, eq(cases.id, caseClocks.caseId))
    .where(and(eq(caseClocks.state, 'running'), lte(caseClocks.dueAt, horizon)));
  const ctx = systemContext(db, 'deadline_sweep', () => now);
  let sent = 0;
  for (const clock of due) {
    const threshold = thresholdAt(clock.dueAt!, now);
    if (!threshold) continue;
    try {
      const told = await db.transaction(async (tx) => {
        const claimed = await tx
          .insert(clockAlerts)
          .values({ clockId: clock.id, threshold, dueAt: clock.dueAt!, centerId: clock.centerId, sentAt: now })
          .onConflictDoNothing()
          .returning({ clockId: clockAlerts.clockId });
        if (claimed.length === 0) return false;
        const recipients = await whoMustAct(tx, clock, threshold === 'overdue');
        const target = { centerId: clock.centerId, caseId: clock.caseId };
        await recordEvent(tx, ctx, target, { kind: 'clock_reminder', payload: { clock: clock.kind, threshold, dueAt: clock.dueAt!.toISOString() } }, { users: recipients });
        if (clock.kind === 'judicial_confirmation' && threshold === 'overdue') await closeConfirmationWindow(tx, ctx, clock);
        return true;
      });
      if (told) sent++;
    } catch (error) {
      // One case's failure must not stop the others' reminders; the next sweep retries it.
      logError('sweep.clock', error, { clockId: clock.id });
    }
  }
  return { sent };
}

/** The 30 days to apply for judicial confirmation are over: the window closes and the parties are told. */
async function closeConfirmationWindow(tx: Database, ctx: ServiceContext, clock: { id: string; centerId: string; caseId: string }) {
  await tx.update(caseClocks).set({ state: 'stopped', stoppedAt: ctx.now() }).where(eq(caseClocks.id, clock.id));
  const [agreement] = await tx
    .select({ number: agreements.number })
    .from(agreements)
    .where(and(eq(agreements.caseId, clock.caseId), eq(agreements.state, 'effective'), eq(agreements.kind, 'written')))
    .orderBy(desc(agreements.effectiveAt))
    .limit(1);
  await recordEvent(tx, ctx, clock, { kind: 'confirmation_window_closed', payload: { agreementNumber: agreement?.number ?? '' } }, { applicants: true });
}

async function whoMustAct(tx: Database, clock: { kind: string; centerId: string; caseId: string; createdBy: string | null }, overdue: boolean): Promise<string[]> {
  const staff = (roles: ('clerk' | 'director')[]) =>
    tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.centerId, clock.centerId), inArray(users.role, roles), eq(users.status, 'active')));
  const directors = overdue ? (await staff(['director'])).map((u) => u.id) : [];
  // A bad rating is the director's to answer, from the first reminder; a review's answer is
  // awaited at the window. Follow-up visits go to the panel's lead, like the case's own clocks.
  if (clock.kind === 'rating_callback' || clock.kind === 'rectification') return (await staff(['director'])).map((u) => u.id);
  if (clock.kind === 'review_answer') return (await staff(['clerk', 'director'])).map((u) => u.id);
  if (clock.kind === 'acceptance') {
    const clerks = await staff(['clerk', 'director']);
    const registrar = clerks.find((c) => c.id === clock.createdBy);
    return [...(registrar ? [registrar.id] : clerks.filter((c) => c.role === 'clerk').map((c) => c.id)), ...directors];
  }
  const [lead] = await tx
    .select({ id: panelMembers.userId })
    .from(panelMembers)
    .where(and(eq(panelMembers.caseId, clock.caseId), eq(panelMembers.isLead, true), isNull(panelMembers.removedAt)));
  const owner = lead ? [lead.id] : (await staff(['director'])).map((u) => u.id);
  return [...owner, ...directors];
}

let timer: NodeJS.Timeout | undefined;

/**
 * Runs the sweep every few minutes inside the server process. Several instances may each run
 * it: the alert keys make every reminder go out once.
 */
export function scheduleDeadlineSweeps(open: () => Promise<Database>, everyMs: number) {
  if (timer) return;
  const tick = async () => {
    try {
      const db = await open();
      await runDeadlineSweep(db);
      await runTermSweep(db);
    } catch (error) {
      logError('sweep.run', error);
    }
  };
  timer = setInterval(tick, everyMs);
  timer.unref();
  setTimeout(tick, 10_000).unref();
}

