import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { preparedPerHandle } from '../../db/prepared';
import { caseClocks, clockPauses, clockPolicies, holidays, type ClockState } from '../../db/schema';
import { WorkCalendar } from '../domain/calendar';
import { computeDue, daysLeft, urgencyOf, type ClockSpec } from '../domain/clocks';
import { explainClock } from '../domain/clock-explain';
import { caseClockKinds, clockPolicyKey, ruleFor, type ClockKind, type ClockRule, type Track } from '../domain/tracks';
import type { Locale } from '../i18n/locales';
import { renderTools } from '../i18n/render-tools';
import type { CaseRef } from './case-events';

/**
 * The case's legal clocks as rows: started, extended, paused and stopped by the verbs, each
 * time with the due date recomputed from the start and the recorded extensions and pauses.
 */

// The calendar changes a few times a year; a minute's cache spares every clock a query, and
// an edit here clears it at once (other instances within the minute).
let calendarCache: { calendar: WorkCalendar; loadedAt: number } | null = null;

export async function loadCalendar(db: Database): Promise<WorkCalendar> {
  if (calendarCache && Date.now() - calendarCache.loadedAt < 60_000) return calendarCache.calendar;
  const rows = await db.select().from(holidays);
  calendarCache = { calendar: new WorkCalendar(rows), loadedAt: Date.now() };
  return calendarCache.calendar;
}

export function forgetCalendar(): void {
  calendarCache = null;
}

// Asked by every registration: built once per database handle.
const clockPolicyQuery = preparedPerHandle((db) =>
  db
    .select({ days: clockPolicies.days, unit: clockPolicies.unit })
    .from(clockPolicies)
    .where(and(eq(clockPolicies.centerId, sql.placeholder('centerId')), eq(clockPolicies.key, sql.placeholder('key'))))
    .prepare('clock_policy'),
);

/** The clock's rule at this center: the statutory default or the center's own length. */
export async function clockRuleFor(db: Database, centerId: string, kind: ClockKind, track: Track | null): Promise<ClockRule | null> {
  if (kind === 'handling' && !track) return null;
  const [override] = await clockPolicyQuery(db).execute({ centerId, key: clockPolicyKey(kind, track) });
  return ruleFor(kind, track, override);
}

type ClockRow = typeof caseClocks.$inferSelect;

async function specOf(db: Database, clock: ClockRow): Promise<ClockSpec> {
  const pauses = await db
    .select({ from: clockPauses.pausedAt, to: clockPauses.resumedAt, reason: clockPauses.reason })
    .from(clockPauses)
    .where(eq(clockPauses.clockId, clock.id))
    .orderBy(asc(clockPauses.pausedAt));
  return { start: clock.startAt, days: clock.days, unit: clock.unit, extensions: clock.extensions, pauses };
}

/**
 * Starts a clock of the case by its rule; a kind without a rule (consultation handling) starts
 * nothing. `days` replaces the rule's length when another body sets it (a report due by a date);
 * `subjectId` names what within the case it is about (a rating).
 */
export async function startClock(tx: Database, target: CaseRef, kind: ClockKind, track: Track | null, start: Date, options: { days?: number; subjectId?: string } = {}) {
  const found = await clockRuleFor(tx, target.centerId, kind, track);
  if (!found) return null;
  const [row] = await clockStatement(tx, target, kind, found, start, await loadCalendar(tx), options).insert.returning();
  return row!;
}

/**
 * A clock's insert by a rule already read, not yet sent (for an action that sends its
 * statements together), and the due date it will hold.
 */
export function clockStatement(
  tx: Database,
  target: CaseRef,
  kind: ClockKind,
  found: ClockRule,
  start: Date,
  calendar: WorkCalendar,
  options: { days?: number; subjectId?: string } = {},
) {
  const { row, dueAt } = clockRow(target, kind, found, start, calendar, options);
  return { insert: tx.insert(caseClocks).values(row), dueAt };
}

/** The row of a clock started by a rule already read, not yet written, and its due date. */
export function clockRow(target: CaseRef, kind: ClockKind, found: ClockRule, start: Date, calendar: WorkCalendar, options: { days?: number; subjectId?: string } = {}) {
  const rule = options.days ? { ...found, days: options.days } : found;
  const { dueAt } = computeDue({ start, days: rule.days, unit: rule.unit, extensions: [], pauses: [] }, calendar);
  return { row: { ...target, kind, subjectId: options.subjectId ?? null, startAt: start, days: rule.days, unit: rule.unit, source: rule.source, dueAt }, dueAt };
}

/** Ends the case's live clocks of these kinds: met (stopped) or no longer applying (cancelled). */
export async function endClocks(tx: Database, caseId: string, kinds: ClockKind[], at: Date, state: Extract<ClockState, 'stopped' | 'cancelled'> = 'stopped') {
  await tx
    .update(caseClocks)
    .set({ state, stoppedAt: at })
    .where(and(eq(caseClocks.caseId, caseId), inArray(caseClocks.kind, kinds), inArray(caseClocks.state, ['running', 'paused'])));
}

/** Ends the live clocks about a subject (a rating, a planned visit) of these kinds. */
export async function endSubjectClocks(
  tx: Database,
  caseId: string,
  subjects: string | string[],
  kinds: ClockKind[],
  at: Date,
  state: Extract<ClockState, 'stopped' | 'cancelled'> = 'stopped',
) {
  const ids = typeof subjects === 'string' ? [subjects] : subjects;
  if (ids.length === 0) return;
  await tx
    .update(caseClocks)
    .set({ state, stoppedAt: at })
    .where(and(eq(caseClocks.caseId, caseId), inArray(caseClocks.subjectId, ids), inArray(caseClocks.kind, kinds), inArray(caseClocks.state, ['running', 'paused'])));
}

/** The live clock of a kind, locked for a change. */
export async function liveClock(tx: Database, caseId: string, kind: ClockKind): Promise<ClockRow | null> {
  const [row] = await tx
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, caseId), eq(caseClocks.kind, kind), inArray(caseClocks.state, ['running', 'paused'])))
    .for('update');
  return row ?? null;
}

/** Writes the clock's new due date after an extension, pause or resumption. */
export async function recomputeClock(tx: Database, clock: ClockRow, changes: Partial<Pick<ClockRow, 'extensions' | 'state'>> = {}) {
  const next = { ...clock, ...changes };
  const { dueAt } = computeDue(await specOf(tx, next), await loadCalendar(tx));
  await tx.update(caseClocks).set({ ...changes, dueAt }).where(eq(caseClocks.id, clock.id));
  return dueAt;
}

/**
 * The case's own live clocks, each with days left, urgency and how its due date was computed.
 * Clocks about one subject (a rating's callback, a follow-up visit) are shown with that subject.
 */
export async function caseClockViews(db: Database, caseId: string, locale: Locale, now: Date) {
  const rows = await db
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, caseId), inArray(caseClocks.kind, [...caseClockKinds]), inArray(caseClocks.state, ['running', 'paused'])))
    .orderBy(asc(caseClocks.createdAt));
  const calendar = await loadCalendar(db);
  const tools = renderTools(locale);
  return Promise.all(
    rows.map(async (clock) => {
      const { dueAt, steps } = computeDue(await specOf(db, clock), calendar);
      return {
        id: clock.id,
        kind: clock.kind,
        state: clock.state,
        startAt: clock.startAt,
        dueAt,
        extensions: clock.extensions.length,
        daysLeft: dueAt ? daysLeft(dueAt, now) : null,
        urgency: dueAt ? urgencyOf(dueAt, now) : null,
        explanation: explainClock(steps, clock.source, tools.t, tools.date),
      };
    }),
  );
}

/**
 * The columns lists show: each case's most pressing live clock of its own (the earliest due). A lateral
 * join on the (case_id) index, so a page of cases costs one query.
 */
export function currentClockJoin(db: Database, caseIdColumn: Parameters<typeof eq>[0]) {
  return db
    .select({ kind: caseClocks.kind, dueAt: caseClocks.dueAt, state: caseClocks.state })
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, caseIdColumn), inArray(caseClocks.kind, [...caseClockKinds]), inArray(caseClocks.state, ['running', 'paused'])))
    .orderBy(sql`${caseClocks.dueAt} asc nulls last`)
    .limit(1)
    .as('current_clock');
}

/** Days left and urgency of a list row's clock, for the colours of every list. */
export function clockBadge(clock: { kind: ClockKind | null; dueAt: Date | null; state: ClockState | null }, now: Date) {
  if (!clock.kind) return null;
  if (!clock.dueAt) return { kind: clock.kind, paused: true as const, daysLeft: null, urgency: null };
  return { kind: clock.kind, paused: false as const, daysLeft: daysLeft(clock.dueAt, now), urgency: urgencyOf(clock.dueAt, now) };
}

/** A list row with `currentClockJoin`'s columns, those columns folded into its badge. */
export function withClockBadge(now: Date) {
  return <R extends { clockKind: ClockKind | null; clockDueAt: Date | null; clockState: ClockState | null }>({ clockKind, clockDueAt, clockState, ...row }: R) => ({
    ...row,
    clock: clockBadge({ kind: clockKind, dueAt: clockDueAt, state: clockState }, now),
  });
}

/** A due date for any start and length, with its explanation (the registration form's preview, other systems). */
export async function previewClock(db: Database, input: { start: Date; days: number; unit: ClockRule['unit'] }, locale: Locale) {
  const { dueAt, steps } = computeDue({ ...input, extensions: [], pauses: [] }, await loadCalendar(db));
  const tools = renderTools(locale);
  return { dueAt: dueAt!.toISOString(), steps: explainClock(steps, null, tools.t, tools.date) };
}
