import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseClocks, caseParties, cases, caseVisits, centers, ratingLinks, ratings, rectifications, users } from '../../db/schema';
import type { CaseAccess } from '../auth/policy';
import { consume } from '../auth/rate-limit';
import type { SessionUser } from '../auth/session-user';
import { linkOrigin } from '../config';
import { maskPhone } from '../domain/phone';
import { isBadRating, isRectificationDone, nextRectification, ratingLinkDays, type RatingLevel, type RatingScope, type RatingTag, type Verification } from '../domain/ratings';
import { regionContains, regionPrefix } from '../domain/region';
import { defaultLocale } from '../i18n/locales';
import { renderTools } from '../i18n/render-tools';
import { smsSender } from '../notify/sms';
import { recordEvent, type CaseRef } from './case-events';
import { ensureCan } from './case-lock';
import { endSubjectClocks, startClock } from './clocks';
import { systemContext, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

export interface RatingInput {
  scope: RatingScope;
  visitId?: string | null;
  level: RatingLevel;
  tags: RatingTag[];
  comment?: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A single-use link to rate without signing in, sent by SMS: 24 random bytes (unguessable);
 * only its hash is stored. The token sits in the URL's fragment, which browsers never send, so
 * it reaches no server log or referrer; the page posts it. `followUpOf` makes it the link for
 * the one follow-up rating.
 */
async function sendRatingLink(tx: Database, target: CaseRef & { caseNumber: string }, party: { id: string; phone: string }, now: Date, followUpOf: string | null) {
  const token = randomBytes(24).toString('base64url');
  await tx.insert(ratingLinks).values({
    ...target,
    partyId: party.id,
    tokenHash: hashToken(token),
    followUpOf,
    expiresAt: new Date(now.getTime() + ratingLinkDays * 86_400_000),
  });
  const { t } = renderTools(defaultLocale);
  const body = t(followUpOf ? 'notices.ratingFollowUp' : 'notices.ratingInvite', { caseNumber: target.caseNumber, link: `${linkOrigin()}/rate#${token}`, days: ratingLinkDays });
  await smsSender().send(tx, { phone: party.phone, body: t('notices.sms', { text: body }) });
}

/**
 * When a case closes, the applicants are invited to rate it ("一事一评"): one link per phone (a
 * foreman's phone on several rows rates once, as its first applicant), none to a phone of a staff
 * account, none to a phone whose applicant already rated the case (a case closed again).
 */
export async function inviteRatings(tx: Database, target: CaseRef & { caseNumber: string }, now: Date) {
  const applicants = await tx
    .select({ id: caseParties.id, phone: caseParties.phone })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, target.caseId), eq(caseParties.role, 'applicant'), isNotNull(caseParties.phone)))
    .orderBy(asc(caseParties.position));
  if (applicants.length === 0) return;
  const phones = [...new Set(applicants.map((a) => a.phone!))];
  const [staff, rated] = await Promise.all([
    tx.select({ phone: users.phone }).from(users).where(and(inArray(users.phone, phones), ne(users.role, 'petitioner'))),
    tx
      .select({ phone: caseParties.phone })
      .from(ratings)
      .innerJoin(caseParties, eq(caseParties.id, ratings.partyId))
      .where(and(eq(ratings.caseId, target.caseId), eq(ratings.scope, 'case'))),
  ]);
  const skipped = new Set([...staff, ...rated].map((r) => r.phone));
  for (const a of applicants) {
    if (skipped.has(a.phone)) continue;
    skipped.add(a.phone);
    await sendRatingLink(tx, target, { id: a.id, phone: a.phone! }, now, null);
  }
}

/**
 * Writes one rating in the caller's transaction. The timeline says a rating came in, never who
 * gave it (the actor is `rater`). A bad one opens its rectification with the engine's two clocks
 * (call back in 1 day; rectify and report in 15), and the directors are told.
 */
async function writeRating(tx: Database, ctx: ServiceContext, target: CaseRef, partyId: string, input: RatingInput, channel: 'portal' | 'sms_link', followUpOf: string | null) {
  const now = ctx.now();
  const [kase] = await tx.select({ status: cases.status, track: cases.track }).from(cases).where(eq(cases.id, target.caseId));
  if (input.scope === 'case' && kase?.status !== 'closed') throw new ServiceError('conflict', 'rating.notClosed');
  if (followUpOf) {
    // 追评: once, after the director reported on the bad rating it follows.
    const [answered] = await tx.select({ state: rectifications.state }).from(rectifications).where(eq(rectifications.ratingId, followUpOf));
    if (answered?.state !== 'reported') throw new ServiceError('conflict', 'rating.followUpNotYet');
  }
  if (input.scope === 'contact') {
    const [visit] = input.visitId ? await tx.select({ id: caseVisits.id }).from(caseVisits).where(and(eq(caseVisits.id, input.visitId), eq(caseVisits.caseId, target.caseId))) : [];
    if (!visit) throw new ServiceError('invalid', 'rating.noSuchContact', { field: 'visitId' });
  }
  const [row] = await tx
    .insert(ratings)
    .values({
      ...target,
      partyId,
      scope: input.scope,
      visitId: input.scope === 'contact' ? input.visitId! : null,
      level: input.level,
      tags: [...new Set(input.tags)],
      comment: input.comment || null,
      channel,
      followUpOf,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: ratings.id });
  if (!row) throw new ServiceError('conflict', followUpOf ? 'rating.followUpDone' : 'rating.alreadyRated');
  const rater = systemContext(tx, 'rater', ctx.now);
  const bad = isBadRating(input.level);
  await recordEvent(tx, rater, target, { kind: 'rated', payload: { ratingId: row.id, scope: input.scope, level: input.level, followUp: followUpOf !== null } }, bad ? { users: await centerDirectors(tx, target.centerId) } : undefined);
  if (bad) {
    await tx.insert(rectifications).values({ ...target, ratingId: row.id, createdAt: now });
    await startClock(tx, target, 'rating_callback', kase!.track, now, { subjectId: row.id });
    await startClock(tx, target, 'rectification', kase!.track, now, { subjectId: row.id });
  }
  return { id: row.id, bad };
}

/** A signed-in applicant rates the closed case or one contact, or adds the follow-up to their rating. */
export async function submitRating(ctx: ServiceContext, access: CaseAccess, input: RatingInput & { followUpOf?: string }) {
  ensureCan(access, 'rate');
  const partyIds = access.relation.kind === 'party' ? access.relation.partyIds : [];
  return ctx.db.transaction(async (tx) => {
    // An account on several applicant rows rates as the first of them; a follow-up goes with
    // the row that gave the rating it follows.
    const [party] = await tx
      .select({ id: caseParties.id })
      .from(caseParties)
      .where(and(eq(caseParties.caseId, access.caseId), eq(caseParties.role, 'applicant'), inArray(caseParties.id, partyIds)))
      .orderBy(asc(caseParties.position))
      .limit(1);
    if (!party) throw new ServiceError('forbidden', 'rating.applicantsOnly');
    const target = { centerId: access.centerId, caseId: access.caseId };
    if (input.followUpOf) {
      const [original] = await tx
        .select({ id: ratings.id, partyId: ratings.partyId, scope: ratings.scope, visitId: ratings.visitId })
        .from(ratings)
        .where(and(eq(ratings.id, input.followUpOf), eq(ratings.caseId, access.caseId), inArray(ratings.partyId, partyIds), isNull(ratings.followUpOf)));
      if (!original) throw notFound();
      return writeRating(tx, ctx, target, original.partyId, { ...input, scope: original.scope, visitId: original.visitId }, 'portal', original.id);
    }
    return writeRating(tx, ctx, target, party.id, input, 'portal', null);
  });
}

async function linkByToken(tx: Database, token: string) {
  const [link] = await tx
    .select({ link: ratingLinks, caseNumber: cases.caseNumber, centerName: centers.name, status: cases.status, category: cases.category })
    .from(ratingLinks)
    .innerJoin(cases, eq(cases.id, ratingLinks.caseId))
    .innerJoin(centers, eq(centers.id, ratingLinks.centerId))
    .where(eq(ratingLinks.tokenHash, hashToken(token)));
  return link ?? null;
}

function linkState(link: { usedAt: Date | null; expiresAt: Date }, now: Date) {
  if (link.usedAt) return 'used' as const;
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired' as const;
  return 'open' as const;
}

/** What the SMS link's page shows before rating: the case number and center, whether the link can still be used. */
export async function ratingLinkView(db: Database, token: string, ip: string, now = new Date()) {
  await consume(db, 'ratingLinkIp', ip, 'errors.rateLimited');
  const found = await linkByToken(db, token);
  if (!found) return { state: 'unknown' as const };
  return { state: linkState(found.link, now), caseNumber: found.caseNumber, centerName: found.centerName, category: found.category, followUp: found.link.followUpOf !== null };
}

/** A rating through the SMS link, without signing in: the link is used up in the same transaction. */
export async function submitRatingByLink(db: Database, token: string, input: RatingInput, ip: string, now: () => Date = () => new Date()) {
  await consume(db, 'ratingLinkIp', ip, 'errors.rateLimited');
  const ctx = systemContext(db, 'rater', now);
  return db.transaction(async (tx) => {
    const found = await linkByToken(tx, token);
    if (!found) throw new ServiceError('not_found', 'rating.linkUnknown');
    const [link] = await tx.select().from(ratingLinks).where(eq(ratingLinks.id, found.link.id)).for('update');
    const state = linkState(link!, now());
    if (state !== 'open') throw new ServiceError('conflict', state === 'used' ? 'rating.linkUsed' : 'rating.linkExpired');
    await tx.update(ratingLinks).set({ usedAt: now() }).where(eq(ratingLinks.id, link!.id));
    let rating: RatingInput = input;
    if (link!.followUpOf) {
      const [original] = await tx.select({ scope: ratings.scope, visitId: ratings.visitId }).from(ratings).where(eq(ratings.id, link!.followUpOf));
      rating = { ...input, scope: original!.scope, visitId: original!.visitId };
    } else if (input.scope !== 'case') {
      throw new ServiceError('invalid', 'rating.noSuchContact', { field: 'scope' });
    }
    return writeRating(tx, ctx, { centerId: link!.centerId, caseId: link!.caseId }, link!.partyId, rating, 'sms_link', link!.followUpOf);
  });
}

/**
 * The case's ratings for the caller: a party sees their own; the panel and the center's staff
 * see every rating without the rater; the director (who answers them) sees who rated, with a
 * masked phone to call back. Each with its rectification and its clocks.
 */
export async function caseRatings(db: Database, access: CaseAccess) {
  const rows = await db
    .select({ rating: ratings, rectification: rectifications, partyName: caseParties.name, partyPhone: caseParties.phone })
    .from(ratings)
    .innerJoin(caseParties, eq(caseParties.id, ratings.partyId))
    .leftJoin(rectifications, eq(rectifications.ratingId, ratings.id))
    .where(and(eq(ratings.caseId, access.caseId), eq(ratings.centerId, access.centerId)))
    .orderBy(asc(ratings.createdAt));
  const own = access.relation.kind === 'party' ? access.relation.partyIds : null;
  const seesRater = access.relation.kind === 'center_staff' && access.relation.role === 'director';
  const clocks = await subjectClocks(db, access.caseId);
  return rows
    .filter((r) => own === null || own.includes(r.rating.partyId))
    .map((r) => ({
      id: r.rating.id,
      scope: r.rating.scope,
      visitId: r.rating.visitId,
      level: r.rating.level,
      tags: r.rating.tags,
      comment: r.rating.comment,
      channel: r.rating.channel,
      followUpOf: r.rating.followUpOf,
      excluded: r.rating.excludedAt !== null,
      createdAt: r.rating.createdAt,
      rater: seesRater || own ? { name: r.partyName, phone: r.partyPhone ? maskPhone(r.partyPhone) : null } : null,
      followUpAllowed: own !== null && r.rating.followUpOf === null && r.rectification?.state === 'reported' && !rows.some((x) => x.rating.followUpOf === r.rating.id),
      rectification: r.rectification
        ? {
            state: r.rectification.state,
            verification: r.rectification.verification,
            // The director's notes may name the rater: theirs alone (the verification also goes
            // to the supervisor who decides an appeal); the report goes to the rater.
            callbackNote: seesRater ? r.rectification.callbackNote : null,
            verificationNote: seesRater || access.relation.kind === 'supervisor' ? r.rectification.verificationNote : null,
            report: seesRater || own ? r.rectification.report : null,
            calledBackAt: r.rectification.calledBackAt,
            reportedAt: r.rectification.reportedAt,
            appealNote: r.rectification.appealNote,
            callbackDueAt: clocks.find((c) => c.subjectId === r.rating.id && c.kind === 'rating_callback')?.dueAt ?? null,
            rectificationDueAt: clocks.find((c) => c.subjectId === r.rating.id && c.kind === 'rectification')?.dueAt ?? null,
          }
        : null,
    }));
}

function subjectClocks(db: Database, caseId: string) {
  return db
    .select({ subjectId: caseClocks.subjectId, kind: caseClocks.kind, dueAt: caseClocks.dueAt })
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, caseId), inArray(caseClocks.kind, ['rating_callback', 'rectification']), inArray(caseClocks.state, ['running', 'paused'])));
}

/** What a party may still rate on this case: the closed case, and each contact at the window. */
export async function ratingChoices(db: Database, access: CaseAccess) {
  if (access.relation.kind !== 'party') return { caseOpen: false, contacts: [] };
  const [[kase], visits, rated] = await Promise.all([
    db.select({ status: cases.status }).from(cases).where(eq(cases.id, access.caseId)),
    db.select({ id: caseVisits.id, visitedAt: caseVisits.visitedAt, reason: caseVisits.reason }).from(caseVisits).where(eq(caseVisits.caseId, access.caseId)).orderBy(desc(caseVisits.visitedAt)).limit(10),
    db
      .select({ scope: ratings.scope, visitId: ratings.visitId })
      .from(ratings)
      .where(and(eq(ratings.caseId, access.caseId), inArray(ratings.partyId, access.relation.partyIds), isNull(ratings.followUpOf))),
  ]);
  return {
    caseOpen: kase?.status === 'closed' && !rated.some((r) => r.scope === 'case'),
    contacts: visits.filter((v) => !rated.some((r) => r.scope === 'contact' && r.visitId === v.id)),
  };
}

/**
 * The director answers a bad rating, step by step: the call back (ends the 1-day clock), the
 * verification, and the report to the rater (ends the 15-day clock; the rater gets it with a
 * link for their one follow-up rating). An unfounded complaint goes to the supervisor.
 */
export async function answerRating(
  ctx: ServiceContext,
  access: CaseAccess,
  input: { ratingId: string; step: 'call_back' | 'verify' | 'report'; note: string; verification?: Verification },
) {
  ensureCan(access, 'answer_rating');
  if (input.step === 'verify' && !input.verification) throw new ServiceError('invalid', 'validation.required', { field: 'verification' });
  return ctx.db.transaction(async (tx) => {
    const found = await lockRectification(tx, access, input.ratingId);
    // After the supervisor rejected an appeal, the complaint cannot be called unfounded again.
    if (input.step === 'verify' && input.verification === 'unfounded' && found.rectification.appealDecidedAt) {
      throw new ServiceError('conflict', 'rectification.appealRejected', { field: 'verification' });
    }
    const step = input.step === 'verify' ? { step: 'verify' as const, verification: input.verification! } : { step: input.step };
    const decision = nextRectification(found.rectification.state, step);
    if (!decision.ok) throw new ServiceError('conflict', decision.refusal);
    const now = ctx.now();
    const target = { centerId: access.centerId, caseId: access.caseId };
    const ratingId = input.ratingId;
    if (input.step === 'call_back') {
      await tx.update(rectifications).set({ state: decision.next, calledBackAt: now, callbackNote: input.note }).where(eq(rectifications.id, found.rectification.id));
      await endSubjectClocks(tx, access.caseId, ratingId, ['rating_callback'], now);
      await recordEvent(tx, ctx, target, { kind: 'rating_called_back', payload: { ratingId } });
    } else if (input.step === 'verify') {
      await tx.update(rectifications).set({ state: decision.next, verification: input.verification!, verificationNote: input.note }).where(eq(rectifications.id, found.rectification.id));
      // Called unfounded, it waits on the region's supervisors: they are told at once.
      const appealTo = input.verification === 'unfounded' ? await regionSupervisors(tx, access.centerId) : [];
      await recordEvent(tx, ctx, target, { kind: 'rating_verified', payload: { ratingId, verification: input.verification! } }, appealTo.length ? { users: appealTo } : undefined);
    } else {
      const verification = found.rectification.verification!;
      await tx.update(rectifications).set({ state: decision.next, report: input.note, reportedAt: now }).where(eq(rectifications.id, found.rectification.id));
      await endSubjectClocks(tx, access.caseId, ratingId, ['rating_callback', 'rectification'], now);
      // The report is the director's letter to the rater: it stays with the rating (the rater and
      // the director read it there, and the rater is texted); the timeline only says it was sent.
      await recordEvent(tx, ctx, target, { kind: 'rectification_reported', payload: { ratingId, verification } });
      if (found.rating.followUpOf === null && found.phone) {
        await sendRatingLink(tx, { ...target, caseNumber: found.caseNumber }, { id: found.rating.partyId, phone: found.phone }, now, ratingId);
      }
    }
    return { state: decision.next };
  });
}

/** The supervisor decides an appeal against a rating: upheld keeps it on record but out of the rate. */
export async function decideRatingAppeal(ctx: ServiceContext, access: CaseAccess, input: { ratingId: string; upheld: boolean; note: string }) {
  ensureCan(access, 'decide_rating_appeal');
  return ctx.db.transaction(async (tx) => {
    const found = await lockRectification(tx, access, input.ratingId);
    const decision = nextRectification(found.rectification.state, { step: 'decide_appeal', upheld: input.upheld });
    if (!decision.ok) throw new ServiceError('conflict', decision.refusal);
    const now = ctx.now();
    const by = ctx.actor.kind === 'user' ? ctx.actor.user.id : null;
    // Rejected: the complaint is not unfounded; the director verifies again.
    const verification = input.upheld ? found.rectification.verification : null;
    await tx
      .update(rectifications)
      .set({ state: decision.next, verification, appealDecidedAt: now, appealDecidedBy: by, appealNote: input.note })
      .where(eq(rectifications.id, found.rectification.id));
    if (input.upheld) {
      await tx.update(ratings).set({ excludedAt: now }).where(eq(ratings.id, input.ratingId));
      await endSubjectClocks(tx, access.caseId, input.ratingId, ['rating_callback', 'rectification'], now);
    }
    await recordEvent(
      tx,
      ctx,
      { centerId: access.centerId, caseId: access.caseId },
      { kind: 'rating_appeal_decided', payload: { ratingId: input.ratingId, upheld: input.upheld } },
      { users: await centerDirectors(tx, access.centerId) },
    );
    return { state: decision.next };
  });
}

async function lockRectification(tx: Database, access: CaseAccess, ratingId: string) {
  const [found] = await tx
    .select({ rectification: rectifications, rating: ratings, phone: caseParties.phone, caseNumber: cases.caseNumber })
    .from(rectifications)
    .innerJoin(ratings, eq(ratings.id, rectifications.ratingId))
    .innerJoin(caseParties, eq(caseParties.id, ratings.partyId))
    .innerJoin(cases, eq(cases.id, ratings.caseId))
    .where(and(eq(rectifications.ratingId, ratingId), eq(rectifications.caseId, access.caseId), eq(rectifications.centerId, access.centerId)))
    .for('update', { of: rectifications });
  if (!found) throw notFound();
  return found;
}

/**
 * The list of bad ratings to answer: the director's, of their center (open ones first, by the
 * nearest due step; who rated shown to them alone); the supervisor's, the appeals awaiting them
 * in their region's centers.
 */
export async function rectificationList(db: Database, user: SessionUser, now = new Date()) {
  const rows = await db
    .select({
      ratingId: ratings.id,
      caseId: ratings.caseId,
      caseNumber: cases.caseNumber,
      centerName: centers.name,
      centerId: ratings.centerId,
      level: ratings.level,
      comment: ratings.comment,
      ratedAt: ratings.createdAt,
      state: rectifications.state,
      raterName: caseParties.name,
    })
    .from(rectifications)
    .innerJoin(ratings, eq(ratings.id, rectifications.ratingId))
    .innerJoin(cases, eq(cases.id, ratings.caseId))
    .innerJoin(centers, eq(centers.id, ratings.centerId))
    .innerJoin(caseParties, eq(caseParties.id, ratings.partyId))
    .where(
      user.role === 'director'
        ? eq(ratings.centerId, user.centerId ?? '00000000-0000-0000-0000-000000000000')
        : and(eq(rectifications.state, 'appealed'), sql`${centers.regionCode} like ${regionPrefix(user.regionCode ?? '--') + '%'}`),
    )
    // Open ones first, so finished ones are what a long list leaves out.
    .orderBy(sql`${rectifications.state} in ('reported', 'appeal_upheld')`, desc(ratings.createdAt))
    .limit(200);
  const clocks = rows.length
    ? await db
        .select({ subjectId: caseClocks.subjectId, kind: caseClocks.kind, dueAt: caseClocks.dueAt })
        .from(caseClocks)
        .where(and(inArray(caseClocks.subjectId, rows.map((r) => r.ratingId)), inArray(caseClocks.state, ['running', 'paused'])))
    : [];
  const items = rows.map((r) => {
    const due = clocks
      .filter((c) => c.subjectId === r.ratingId && c.dueAt)
      .map((c) => ({ kind: c.kind, dueAt: c.dueAt! }))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0] ?? null;
    return {
      ratingId: r.ratingId,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      centerName: r.centerName,
      level: r.level,
      comment: r.comment,
      ratedAt: r.ratedAt,
      state: r.state,
      done: isRectificationDone(r.state),
      rater: user.role === 'director' ? r.raterName : null,
      nextDue: due,
      overdue: due !== null && due.dueAt.getTime() < now.getTime(),
    };
  });
  // Overdue first, then what falls due soonest; finished ones last.
  return items.sort((a, b) => Number(a.done) - Number(b.done) || Number(b.overdue) - Number(a.overdue) || (a.nextDue?.dueAt.getTime() ?? Infinity) - (b.nextDue?.dueAt.getTime() ?? Infinity));
}

/** The center's active directors, who answer its ratings. */
async function centerDirectors(tx: Database, centerId: string) {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.centerId, centerId), eq(users.role, 'director'), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

/** The active supervisors whose region contains the center, who decide its rating appeals. */
async function regionSupervisors(tx: Database, centerId: string) {
  const [center] = await tx.select({ regionCode: centers.regionCode }).from(centers).where(eq(centers.id, centerId));
  const supervisors = await tx.select({ id: users.id, regionCode: users.regionCode }).from(users).where(and(eq(users.role, 'supervisor'), eq(users.status, 'active')));
  return supervisors.filter((u) => center && u.regionCode && regionContains(u.regionCode, center.regionCode)).map((u) => u.id);
}
