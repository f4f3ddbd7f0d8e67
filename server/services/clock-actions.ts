import { and, eq, inArray, isNull } from 'drizzle-orm';
import { caseParties, clockPauses } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { checkExtension } from '../domain/clocks';
import { handlingRules, type ClockKind, type PauseReason, type Track } from '../domain/tracks';
import { recordEvent } from './case-events';
import { ensureCan, lockCase, setStatus } from './case-lock';
import { clockRuleFor, endClocks, liveClock, recomputeClock, startClock } from './clocks';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';

/**
 * The director changes a case's track with a reason: the old track's handling clock no longer
 * applies, the new one's starts from its own basis (acceptance, or receipt of the application).
 */
export async function changeTrack(ctx: ServiceContext, access: CaseAccess, input: { track: Track; reason: string; expectedVersion: number }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'change_track', input.expectedVersion);
    if (row.track === input.track) throw new ServiceError('invalid', 'clock.sameTrack', { field: 'track' });
    const now = ctx.now();
    const target = { centerId: row.centerId, caseId: row.id };
    await endClocks(tx, row.id, ['handling'], now, 'cancelled');
    const rule = handlingRules[input.track];
    const start = rule?.basis === 'received' ? row.receivedAt : now;
    await startClock(tx, target, 'handling', input.track, start);
    await setStatus(tx, row.id, row.status, { track: input.track });
    await recordEvent(tx, ctx, target, { kind: 'track_changed', payload: { from: row.track, to: input.track, reason: input.reason } }, { applicants: true });
    return { track: input.track };
  });
}

export interface ExtensionRequest {
  clock: ClockKind;
  days: number;
  reason: string;
  /** Mediation clocks: the parties who agreed to go on, and how their consent was recorded. */
  consent?: { partyIds: string[]; method: string };
  expectedVersion: number;
}

/**
 * Extends a clock by its track's rule: a petition's handling once, by at most 30 days, by the
 * director, before it falls due (the petitioner gets an extension notice); a mediation clock
 * with the parties' recorded consent, by the lead or the director.
 */
export async function extendClock(ctx: ServiceContext, access: CaseAccess, input: ExtensionRequest) {
  return ctx.db.transaction(async (tx) => {
    // Which action this is depends on the clock's rule, known only once the case is read.
    const row = await lockCase(tx, access, 'read', input.expectedVersion);
    const clock = await liveClock(tx, row.id, input.clock);
    if (!clock) throw new ServiceError('conflict', 'clock.notRunning');
    const rule = await clockRuleFor(tx, row.centerId, input.clock, row.track);
    const extension = rule?.extension ?? { kind: 'none' as const };
    ensureCan(access, extension.kind === 'parties_consent' ? 'extend_mediation_clock' : 'extend_petition_clock');
    const consentParties = input.consent?.partyIds.length
      ? await tx
          .select({ id: caseParties.id, name: caseParties.name })
          .from(caseParties)
          .where(and(eq(caseParties.caseId, row.id), inArray(caseParties.id, input.consent.partyIds)))
      : [];
    if (consentParties.length !== new Set(input.consent?.partyIds ?? []).size) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'consent' });
    const refusal = checkExtension(extension, { state: clock.state, dueAt: clock.dueAt, extensions: clock.extensions.length }, { days: input.days, consentParties: consentParties.length }, ctx.now());
    if (refusal) throw new ServiceError(refusal === 'clock.notRunning' ? 'conflict' : 'invalid', refusal, { field: 'days', values: { max: extension.kind === 'director_once' ? extension.maxDays : 0 } });
    const extensions = [...clock.extensions, { days: input.days, at: ctx.now().toISOString() }];
    const dueAt = await recomputeClock(tx, clock, { extensions });
    await setStatus(tx, row.id, row.status);
    const consent = extension.kind === 'parties_consent' ? { parties: consentParties.map((p) => p.name), method: input.consent!.method } : null;
    const event = await recordEvent(
      tx,
      ctx,
      { centerId: row.centerId, caseId: row.id },
      {
        kind: 'clock_extended',
        payload: { clock: input.clock, days: input.days, reason: input.reason, previousDueAt: clock.dueAt!.toISOString(), dueAt: dueAt!.toISOString(), consent },
      },
      { applicants: true },
    );
    return { dueAt, eventId: event.id };
  });
}

/** Stops a clock for a named reason (appraisal, hearing, a party unreachable) until it is resumed. */
export async function pauseClock(ctx: ServiceContext, access: CaseAccess, input: { clock: ClockKind; reason: PauseReason; note?: string; expectedVersion: number }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'pause_clock', input.expectedVersion);
    const clock = await liveClock(tx, row.id, input.clock);
    if (!clock || clock.state !== 'running') throw new ServiceError('conflict', 'clock.notRunning');
    await tx.insert(clockPauses).values({ centerId: row.centerId, caseId: row.id, clockId: clock.id, reason: input.reason, pausedAt: ctx.now() });
    await recomputeClock(tx, clock, { state: 'paused' });
    await setStatus(tx, row.id, row.status);
    await recordEvent(tx, ctx, { centerId: row.centerId, caseId: row.id }, { kind: 'clock_paused', payload: { clock: input.clock, reason: input.reason, note: input.note ?? null } }, { applicants: true });
    return { paused: true };
  });
}

/** Resumes a paused clock; the paused days are added to it. */
export async function resumeClock(ctx: ServiceContext, access: CaseAccess, input: { clock: ClockKind; expectedVersion: number }) {
  return ctx.db.transaction(async (tx) => {
    const row = await lockCase(tx, access, 'pause_clock', input.expectedVersion);
    const clock = await liveClock(tx, row.id, input.clock);
    if (!clock || clock.state !== 'paused') throw new ServiceError('conflict', 'clock.notPaused');
    await tx.update(clockPauses).set({ resumedAt: ctx.now() }).where(and(eq(clockPauses.clockId, clock.id), isNull(clockPauses.resumedAt)));
    const dueAt = await recomputeClock(tx, clock, { state: 'running' });
    await setStatus(tx, row.id, row.status);
    await recordEvent(tx, ctx, { centerId: row.centerId, caseId: row.id }, { kind: 'clock_resumed', payload: { clock: input.clock, dueAt: dueAt!.toISOString() } }, { applicants: true });
    return { dueAt };
  });
}
