import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { users } from '../../db/schema';
import { appRouter } from '../../server/root';
import { roles } from '../../server/domain/roles';
import { anonymousCaller, callerAs, freshDatabase, submitNew, tinyPng, uploadForm, userByLogin, wagePetition } from './harness';

/**
 * Every procedure of the app router × every role (plus no session, plus a clerk of the other
 * center). A procedure added without an entry here fails the first test, so none is forgotten.
 */

const actors = {
  anonymous: null,
  petitioner: '13800000001',
  clerk: 'clerk',
  mediator: 'mediator',
  judge: 'judge',
  lawyer: 'lawyer',
  labor_official: 'labor',
  psychologist: 'psychologist',
  director: 'director',
  supervisor: 'supervisor',
  admin: 'admin',
  otherCenterClerk: 'clerk2',
  /** A supervisor of Shanghai (310100): the demo center (330421) is outside their region. */
  otherRegionSupervisor: 'supervisor2',
} as const;
type Actor = keyof typeof actors;
type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT';

interface Fixture {
  centerId: string;
  caseId: string;
  spareUserId: string;
  tracking: { caseNumber: string; trackingCode: string; phoneLast4: string };
  nextPhone(): string;
  /** A fresh registered case of the demo center, for actions that use a case up. */
  freshCase(): Promise<string>;
  /** A fresh accepted case (ready for its panel) and its version. */
  acceptedCase(): Promise<{ caseId: string; expectedVersion: number }>;
  /** A fresh accepted labor mediation, one of its parties, and its version. */
  mediationWithParty(): Promise<{ caseId: string; partyId: string; expectedVersion: number }>;
  /** A fresh accepted case whose handling clock the director paused. */
  pausedCase(): Promise<{ caseId: string; expectedVersion: number }>;
  /** A petition whose handling the director extended (it has an extension notice). */
  extendedCaseId: string;
  /** The applicant of the fixture case. */
  partyId: string;
  /** A case in mediation whose panel the mediator leads, with the judge on it, and a document of it. */
  mediation: { caseId: string; documentId: string };
  mediatorId: string;
  /** A new hour each call, so bookings never clash. */
  nextHour(): number;
}

interface Expectation {
  input?: (f: Fixture) => unknown;
  /** The outcome per actor; actors not listed get `otherwise`. */
  outcomes: Partial<Record<Actor, Outcome>>;
  otherwise: Outcome;
}

const signedInOnly = (outcome: Outcome): Expectation['outcomes'] => ({
  ...Object.fromEntries(Object.keys(actors).map((a) => [a, outcome])),
  anonymous: 'UNAUTHORIZED',
});
const onlyFor = (...allowed: Actor[]): Pick<Expectation, 'outcomes' | 'otherwise'> => ({
  outcomes: { anonymous: 'UNAUTHORIZED', ...Object.fromEntries(allowed.map((a) => [a, 'ok'])) },
  otherwise: 'FORBIDDEN',
});

/** Case actions for the intake staff of the case's center: a party or a supervisor sees the case but may not act. */
const intakeCaseAction: Pick<Expectation, 'outcomes' | 'otherwise'> = {
  outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'ok', director: 'ok' },
  otherwise: 'NOT_FOUND',
};
const intakeStaff = onlyFor('clerk', 'director', 'otherCenterClerk');
/** Case actions for the director of the case's center alone. */
const directorCaseAction: Pick<Expectation, 'outcomes' | 'otherwise'> = {
  outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'FORBIDDEN', director: 'ok' },
  otherwise: 'NOT_FOUND',
};
const panelStaff = onlyFor('mediator', 'judge', 'lawyer', 'labor_official', 'psychologist');
/** Reading a case: its parties, the center's staff and the supervisor of its region. */
const caseReaders: Pick<Expectation, 'outcomes' | 'otherwise'> = {
  outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'ok', clerk: 'ok', director: 'ok', supervisor: 'ok' },
  otherwise: 'NOT_FOUND',
};
/** On the mediation fixture: the mediator leads and the judge sits on the panel; the others of the panel roles are outsiders. */
const mediationReaders: Pick<Expectation, 'outcomes' | 'otherwise'> = {
  outcomes: { ...caseReaders.outcomes, mediator: 'ok', judge: 'ok' },
  otherwise: 'NOT_FOUND',
};
/** A write on the mediation fixture: those named get past the policy (and are answered as given); the others with a relation are forbidden. */
function mediationAction(allowed: Partial<Record<Actor, Outcome>>): Pick<Expectation, 'outcomes' | 'otherwise'> {
  const related: Actor[] = ['petitioner', 'clerk', 'director', 'supervisor', 'mediator', 'judge'];
  return {
    outcomes: { anonymous: 'UNAUTHORIZED', ...Object.fromEntries(related.map((a) => [a, 'FORBIDDEN'])), ...allowed },
    otherwise: 'NOT_FOUND',
  };
}
/** The staff of a center, each of whom may own a warning rule (either center's). */
function warningStaff(outcome: Outcome): Pick<Expectation, 'outcomes' | 'otherwise'> {
  const staff: Actor[] = ['clerk', 'director', 'mediator', 'judge', 'lawyer', 'labor_official', 'psychologist', 'otherCenterClerk'];
  return { outcomes: { anonymous: 'UNAUTHORIZED', ...Object.fromEntries(staff.map((a) => [a, outcome])) }, otherwise: 'FORBIDDEN' };
}
const uploaders = onlyFor('petitioner', 'clerk', 'director', 'mediator', 'judge', 'lawyer', 'labor_official', 'psychologist', 'otherCenterClerk');

const expectations: Record<string, Expectation> = {
  'system.ping': { outcomes: {}, otherwise: 'ok' },
  'auth.requestCode': { input: (f) => ({ phone: f.nextPhone() }), outcomes: {}, otherwise: 'ok' },
  // Reachable by anyone; the wrong code is what refuses it.
  'auth.register': {
    input: (f) => ({ phone: f.nextPhone(), code: '000000', name: '测试', password: 'long-enough-1' }),
    outcomes: {},
    otherwise: 'BAD_REQUEST',
  },
  'auth.me': { outcomes: signedInOnly('ok'), otherwise: 'ok' },
  // Reachable by every signed-in user; the wrong current password is what refuses it.
  'auth.changePassword': {
    input: () => ({ currentPassword: 'not-the-password', newPassword: 'a-new-password-1' }),
    outcomes: signedInOnly('BAD_REQUEST'),
    otherwise: 'BAD_REQUEST',
  },
  'petition.centers': onlyFor('petitioner', 'clerk', 'director', 'otherCenterClerk'),
  'petition.categories': { input: (f) => ({ centerId: f.centerId }), ...onlyFor('petitioner', 'clerk', 'director', 'otherCenterClerk') },
  'petition.townships': { input: (f) => ({ centerId: f.centerId }), ...onlyFor('petitioner', 'clerk', 'director', 'otherCenterClerk') },
  'petition.precheck': { input: (f) => ({ centerId: f.centerId, title: '工资' }), ...onlyFor('petitioner') },
  'petition.submit': {
    input: (f) => wagePetition(f.centerId, { respondent: { kind: 'person', name: `授权测试${f.nextPhone()}` } }),
    ...onlyFor('petitioner'),
  },
  'petition.mine': onlyFor('petitioner'),
  'intake.queue': intakeStaff,
  'intake.destinations': intakeStaff,
  'intake.acceptanceRule': intakeStaff,
  // Any staff member may compute a due date; petitioners see theirs on their cases.
  'clock.preview': {
    input: () => ({ start: '2025-09-16T10:00:00+08:00', days: 15, unit: 'calendar' }),
    ...onlyFor('clerk', 'director', 'mediator', 'judge', 'lawyer', 'labor_official', 'psychologist', 'supervisor', 'otherRegionSupervisor', 'admin', 'otherCenterClerk'),
  },
  // Staff register for their own center only.
  'intake.register': {
    input: (f) => ({ ...wagePetition(f.centerId, { respondent: { kind: 'person', name: `窗口${f.nextPhone()}` } }), channel: 'walk_in', inPerson: true }),
    outcomes: { anonymous: 'UNAUTHORIZED', clerk: 'ok', director: 'ok' },
    otherwise: 'FORBIDDEN',
  },
  'intake.decide': { input: async (f) => ({ caseId: await f.freshCase(), decision: 'accept', expectedVersion: 1 }), ...intakeCaseAction },
  'intake.merge': { input: async (f) => ({ caseId: await f.freshCase(), intoCaseId: f.caseId, expectedVersion: 1 }), ...intakeCaseAction },
  'intake.link': { input: async (f) => ({ caseId: await f.freshCase(), otherCaseId: f.caseId }), ...intakeCaseAction },
  'case.recordVisit': { input: (f) => ({ caseId: f.caseId }), ...intakeCaseAction },
  'evidence.upload': { input: () => uploadForm(tinyPng(), 'photo.png'), ...uploaders },
  'tracking.lookup': { input: (f) => f.tracking, outcomes: {}, otherwise: 'ok' },
  // A case of the demo center filed by the demo petitioner. Panel roles see nothing until
  // they are assigned; the other center's clerk and the admin never.
  'case.get': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'case.timeline': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  // Correcting a case's facts: the center's staff and the panel, with the version they saw.
  'case.update': {
    input: async (f) => ({ caseId: await f.freshCase(), expectedVersion: 1, title: '更正后的标题' }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'ok', director: 'ok' },
    otherwise: 'NOT_FOUND',
  },
  // Sessions are run by the panel and the center's staff; nobody here is on the fixture's panel.
  'case.scheduleSession': {
    input: (f) => {
      const start = new Date(Date.now() + 30 * 86_400_000 + f.nextHour() * 3600_000);
      return { caseId: f.caseId, startsAt: start, endsAt: new Date(start.getTime() + 3600_000), room: '第一调解室' };
    },
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'ok', director: 'ok' },
    otherwise: 'NOT_FOUND',
  },
  // The minutes are the panel's own record; nobody here is on the fixture's panel.
  'case.recordSession': {
    input: (f) => ({ caseId: f.caseId, sessionId: '00000000-0000-4000-8000-000000000000', minutes: '笔录', outcome: 'adjourned' }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'FORBIDDEN', director: 'FORBIDDEN' },
    otherwise: 'NOT_FOUND',
  },
  // Moving and cancelling: whoever schedules; reachable by the staff, the session does not exist.
  'case.rescheduleSession': {
    input: (f) => {
      const start = new Date(Date.now() + 40 * 86_400_000);
      return { caseId: f.caseId, sessionId: '00000000-0000-4000-8000-000000000000', startsAt: start, endsAt: new Date(start.getTime() + 3600_000), room: '第九调解室' };
    },
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN' },
    otherwise: 'NOT_FOUND',
  },
  'case.cancelSession': {
    input: (f) => ({ caseId: f.caseId, sessionId: '00000000-0000-4000-8000-000000000000', reason: '改期' }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN' },
    otherwise: 'NOT_FOUND',
  },
  // Only the director changes a case's track or extends a petition; the lead may extend a
  // mediation with consent and pause it (nobody here leads the fixtures' panels).
  'case.changeTrack': {
    input: async (f) => ({ ...(await f.acceptedCase()), track: 'petition', reason: '涉及行政机关职责' }),
    ...directorCaseAction,
  },
  'case.extendClock': {
    input: async (f) => {
      const { caseId, partyId, expectedVersion } = await f.mediationWithParty();
      return { caseId, expectedVersion, clock: 'handling', days: 15, reason: '双方同意继续调解', consent: { partyIds: [partyId], method: '当场签字' } };
    },
    ...directorCaseAction,
  },
  'case.pauseClock': {
    input: async (f) => ({ ...(await f.acceptedCase()), clock: 'handling', reason: 'appraisal' }),
    ...directorCaseAction,
  },
  'case.resumeClock': {
    input: async (f) => ({ ...(await f.pausedCase()), clock: 'handling' }),
    ...directorCaseAction,
  },
  'case.extensionNotice': { input: (f) => ({ caseId: f.extendedCaseId }), ...caseReaders },
  // Full ID numbers and phones: the center's staff and the panel (nobody here is on the fixture's panel).
  'case.revealContact': { input: (f) => ({ caseId: f.caseId, partyId: f.partyId }), ...intakeCaseAction },
  'case.checklist': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  // Reachable by the staff; the fixture case has no checklist item with this id.
  'case.updateChecklistItem': {
    input: (f) => ({ caseId: f.caseId, itemId: '00000000-0000-4000-8000-000000000000', status: 'provided' }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN' },
    otherwise: 'NOT_FOUND',
  },
  // A party answers what the panel asks for; the fixture case has no such item.
  'case.answerChecklistItem': {
    input: (f) => ({ caseId: f.caseId, itemId: '00000000-0000-4000-8000-000000000000', evidenceId: '00000000-0000-4000-8000-000000000001' }),
    outcomes: { anonymous: 'UNAUTHORIZED', clerk: 'FORBIDDEN', director: 'FORBIDDEN', supervisor: 'FORBIDDEN' },
    otherwise: 'NOT_FOUND',
  },
  'case.live': { input: (f) => ({ caseId: f.caseId, after: new Date() }), ...caseReaders },
  // Everyone who reads the case may write to it, but for the supervisor, who only watches.
  'case.post': {
    input: (f) => ({ caseId: f.caseId, text: '补充说明', visibility: 'parties' }),
    ...caseReaders,
    outcomes: { ...caseReaders.outcomes, supervisor: 'FORBIDDEN' },
  },
  // Resolution. Reads: everyone who reads the case. Writes are checked with inputs that the
  // allowed relation gets past the policy and is then refused by the case's state or version
  // (so the matrix leaves no trace); the positive paths are in resolution.test.ts.
  // Ratings: a party rates (the fixture case is not closed yet: refused by its state); staff never.
  'rating.list': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'rating.choices': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'rating.submit': {
    input: (f) => ({ caseId: f.caseId, scope: 'case', level: 'satisfied', tags: [] }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'CONFLICT', clerk: 'FORBIDDEN', director: 'FORBIDDEN', supervisor: 'FORBIDDEN' },
    otherwise: 'NOT_FOUND',
  },
  // Public: the link is the credential (an unknown one is not found, for everyone alike).
  'rating.linkView': { input: () => ({ token: 'A'.repeat(32) }), outcomes: {}, otherwise: 'ok' },
  'rating.submitByLink': { input: () => ({ token: 'A'.repeat(32), level: 'satisfied', tags: [] }), outcomes: {}, otherwise: 'NOT_FOUND' },
  // The director answers a bad rating and the supervisor decides an appeal (past the policy, there is no such rating).
  'rating.answer': {
    input: (f) => ({ caseId: f.caseId, ratingId: '00000000-0000-4000-8000-000000000000', step: 'call_back', note: '回访' }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', clerk: 'FORBIDDEN', supervisor: 'FORBIDDEN', director: 'NOT_FOUND' },
    otherwise: 'NOT_FOUND',
  },
  'rating.decideAppeal': {
    input: (f) => ({ caseId: f.caseId, ratingId: '00000000-0000-4000-8000-000000000000', upheld: true, note: '裁定' }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', clerk: 'FORBIDDEN', director: 'FORBIDDEN', supervisor: 'NOT_FOUND' },
    otherwise: 'NOT_FOUND',
  },
  // After the case: visits by those who work it; reopening by the director; reviews at the window.
  // Declining a petition on a re-reviewed matter: the intake staff (past the policy, the stale version refuses them).
  'intake.refuseAfterReReview': {
    input: (f) => ({ caseId: f.caseId, earlierCaseId: '00000000-0000-4000-8000-000000000000', expectedVersion: 999 }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'CONFLICT', director: 'CONFLICT' },
    otherwise: 'NOT_FOUND',
  },
  'aftercare.followUps': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'aftercare.reviews': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'aftercare.recordFollowUp': {
    input: (f) => ({ caseId: f.caseId, visitId: '00000000-0000-4000-8000-000000000000', method: 'phone', newDispute: false }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'NOT_FOUND', director: 'NOT_FOUND' },
    otherwise: 'NOT_FOUND',
  },
  // The fixture case is not closed: past the policy, the director is refused by its state.
  'aftercare.reopen': {
    input: (f) => ({ caseId: f.caseId, reason: '纠纷复发', expectedVersion: 999 }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'FORBIDDEN', director: 'CONFLICT' },
    otherwise: 'NOT_FOUND',
  },
  'aftercare.requestReview': {
    input: (f) => ({ caseId: f.caseId, level: 'review', body: '嘉兴市信访局', requestedOn: '2026-01-05' }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'CONFLICT', director: 'CONFLICT' },
    otherwise: 'NOT_FOUND',
  },
  'aftercare.decideReview': {
    input: (f) => ({ caseId: f.caseId, level: 'review', decision: 'upheld', decidedOn: '2026-01-05' }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'NOT_FOUND', director: 'NOT_FOUND' },
    otherwise: 'NOT_FOUND',
  },
  'rating.rectifications': onlyFor('director', 'supervisor', 'otherRegionSupervisor'),
  // 督办: the region's supervisor issues (a real order on the fixture's case); the director answers.
  'supervision.issue': {
    input: (f) => ({ caseId: f.caseId, instruction: '请尽快约谈用人单位', dueOn: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10) }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', clerk: 'FORBIDDEN', director: 'FORBIDDEN', supervisor: 'ok' },
    otherwise: 'NOT_FOUND',
  },
  'supervision.answer': {
    input: (f) => ({ caseId: f.caseId, orderId: '00000000-0000-4000-8000-000000000000', response: '已办' }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', clerk: 'FORBIDDEN', director: 'NOT_FOUND', supervisor: 'FORBIDDEN' },
    otherwise: 'NOT_FOUND',
  },
  // 督办 on a center: its region's supervisor issues; a supervisor elsewhere finds no such center.
  'supervision.issueForCenter': {
    input: (f) => ({ centerId: f.centerId, instruction: '请报告本月积案清理情况', dueOn: new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10) }),
    outcomes: { anonymous: 'UNAUTHORIZED', supervisor: 'ok', otherRegionSupervisor: 'NOT_FOUND' },
    otherwise: 'FORBIDDEN',
  },
  'supervision.answerForCenter': {
    input: () => ({ orderId: '00000000-0000-4000-8000-000000000000', response: '已办' }),
    outcomes: { anonymous: 'UNAUTHORIZED', director: 'NOT_FOUND' },
    otherwise: 'FORBIDDEN',
  },
  'supervision.forCase': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'supervision.open': onlyFor('director', 'supervisor', 'otherRegionSupervisor'),
  'resolution.agreements': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'resolution.confirmation': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'resolution.confirmationVenue': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'resolution.performance': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'resolution.unpaidWorkers': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'resolution.documents': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'resolution.closure': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'resolution.document': { input: (f) => ({ caseId: f.mediation.caseId, documentId: f.mediation.documentId }), ...mediationReaders },
  // The lead writes the agreement (past the policy, a stale version refuses them; the others are forbidden).
  'resolution.saveDraft': {
    input: (f) => ({ caseId: f.mediation.caseId, facts: '', issues: '', responsibility: '', terms: [], expectedVersion: 999 }),
    ...mediationAction({ mediator: 'CONFLICT' }),
  },
  'resolution.recordOral': { input: (f) => ({ caseId: f.mediation.caseId, content: '口头协议', terms: [], expectedVersion: 999 }), ...mediationAction({ mediator: 'CONFLICT' }) },
  // Marks at the window: the center's staff and the panel (no such agreement here).
  'resolution.recordMark': {
    input: (f) => ({ caseId: f.mediation.caseId, agreementId: '00000000-0000-4000-8000-000000000000', mark: 'party', partyId: f.partyId, method: 'signature', expectedVersion: 999 }),
    ...mediationAction({ clerk: 'CONFLICT', director: 'CONFLICT', mediator: 'CONFLICT', judge: 'CONFLICT' }),
  },
  // A party confirms on their own phone: without a code they are refused; staff may not.
  'resolution.requestCode': { input: (f) => ({ caseId: f.mediation.caseId, agreementId: '00000000-0000-4000-8000-000000000000' }), ...mediationAction({ petitioner: 'NOT_FOUND' }) },
  'resolution.confirmByPhone': {
    input: (f) => ({ caseId: f.mediation.caseId, agreementId: '00000000-0000-4000-8000-000000000000', code: '123456', expectedVersion: 999 }),
    ...mediationAction({ petitioner: 'BAD_REQUEST' }),
  },
  // After an agreement takes effect only (the fixture is still mediating): the lead or the director files; the judge records the court.
  'resolution.applyForConfirmation': {
    input: (f) => ({ caseId: f.mediation.caseId, agreementId: '00000000-0000-4000-8000-000000000000', court: '法院', venueReason: '所在地', concerns: [], expectedVersion: 999 }),
    ...mediationAction({ mediator: 'CONFLICT', director: 'CONFLICT' }),
  },
  'resolution.recordCourtDecision': { input: (f) => ({ caseId: f.mediation.caseId, step: 'accepted', expectedVersion: 999 }), ...mediationAction({ judge: 'CONFLICT' }) },
  'resolution.recordPayment': {
    input: (f) => ({ caseId: f.mediation.caseId, termId: '00000000-0000-4000-8000-000000000000', amount: '100', paidOn: '2025-01-01', idempotencyKey: '00000000-0000-4000-8000-000000000001' }),
    ...mediationAction({ clerk: 'CONFLICT', director: 'CONFLICT', mediator: 'CONFLICT', judge: 'CONFLICT' }),
  },
  'resolution.recordActPerformed': {
    input: (f) => ({ caseId: f.mediation.caseId, termId: '00000000-0000-4000-8000-000000000000' }),
    ...mediationAction({ clerk: 'CONFLICT', director: 'CONFLICT', mediator: 'CONFLICT', judge: 'CONFLICT' }),
  },
  // Papers: whoever works the case.
  'resolution.generatePaymentOrders': {
    input: (f) => ({ caseId: f.mediation.caseId, court: '法院', employerServable: false }),
    ...mediationAction({ clerk: 'BAD_REQUEST', director: 'BAD_REQUEST', mediator: 'BAD_REQUEST', judge: 'BAD_REQUEST' }),
  },
  'resolution.generateArbitrationApplication': { input: (f) => ({ caseId: f.mediation.caseId, commission: '县劳动人事争议仲裁委员会' }), ...mediationAction({ clerk: 'ok', director: 'ok', mediator: 'ok', judge: 'ok' }) },
  'resolution.generateReferralLetter': {
    input: (f) => ({ caseId: f.mediation.caseId, destinationId: '00000000-0000-4000-8000-000000000000', reason: '职责' }),
    ...mediationAction({ clerk: 'BAD_REQUEST', director: 'BAD_REQUEST', mediator: 'BAD_REQUEST', judge: 'BAD_REQUEST' }),
  },
  'resolution.recordService': {
    input: (f) => ({ caseId: f.mediation.caseId, documentId: '00000000-0000-4000-8000-000000000000', partyId: f.partyId, method: 'in_person', servedOn: '2025-01-01' }),
    ...mediationAction({ clerk: 'NOT_FOUND', director: 'NOT_FOUND', mediator: 'NOT_FOUND', judge: 'NOT_FOUND' }),
  },
  // Ending: the lead or the director; a petition's reply, the director; a report back, the center's staff.
  'resolution.terminate': { input: (f) => ({ caseId: f.mediation.caseId, kind: 'failed', reason: '调解不成', expectedVersion: 999 }), ...mediationAction({ mediator: 'CONFLICT', director: 'CONFLICT' }) },
  'resolution.close': { input: (f) => ({ caseId: f.mediation.caseId, outcome: 'resolved', expectedVersion: 999 }), ...mediationAction({ mediator: 'CONFLICT', director: 'CONFLICT' }) },
  'resolution.reply': { input: (f) => ({ caseId: f.mediation.caseId, decision: 'supported', text: '支持', expectedVersion: 999 }), ...mediationAction({ director: 'CONFLICT' }) },
  'resolution.receiveReport': { input: (f) => ({ caseId: f.mediation.caseId, report: '已办', outcome: 'resolved', expectedVersion: 999 }), ...mediationAction({ clerk: 'CONFLICT', director: 'CONFLICT' }) },
  // Workers added from a list: the center's staff and the panel.
  'resolution.addApplicants': {
    input: (f) => ({ caseId: f.mediation.caseId, applicants: [{ name: '新工人' }], expectedVersion: 999 }),
    ...mediationAction({ clerk: 'CONFLICT', director: 'CONFLICT', mediator: 'CONFLICT', judge: 'CONFLICT' }),
  },
  'resolution.previewRoster': {
    input: (f) => {
      const form = new FormData();
      form.set('file', new File(['姓名,手机号\n新工人,13900001234'], 'roster.csv'));
      form.set('caseId', f.mediation.caseId);
      return form;
    },
    ...mediationAction({ clerk: 'ok', director: 'ok', mediator: 'ok', judge: 'ok' }),
  },
  'intake.assignOut': {
    input: (f) => ({ caseId: f.caseId, destination: '县住建局', reportDueOn: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10), expectedVersion: 999 }),
    outcomes: { anonymous: 'UNAUTHORIZED', petitioner: 'FORBIDDEN', supervisor: 'FORBIDDEN', clerk: 'CONFLICT', director: 'CONFLICT' },
    otherwise: 'NOT_FOUND',
  },
  // Public: anyone may check a printed document.
  'verify.document': { input: () => ({ documentId: '00000000-0000-4000-8000-000000000000' }), outcomes: {}, otherwise: 'ok' },
  'panel.mine': panelStaff,
  'panel.suggestions': { input: (f) => ({ caseId: f.caseId }), ...caseReaders },
  'panel.assign': {
    input: async (f) => ({ ...(await f.acceptedCase()), members: [{ userId: f.mediatorId, isLead: true }] }),
    ...intakeCaseAction,
  },
  'inbox.list': { outcomes: signedInOnly('ok'), otherwise: 'ok' },
  'inbox.demoTexts': { outcomes: signedInOnly('ok'), otherwise: 'ok' },
  'inbox.unreadCount': { outcomes: signedInOnly('ok'), otherwise: 'ok' },
  'inbox.markRead': { input: () => ({}), outcomes: signedInOnly('ok'), otherwise: 'ok' },
  'center.summary': onlyFor('director'),
  'center.region': onlyFor('supervisor', 'otherRegionSupervisor'),
  // The demo center's cases: its supervisor only; another region's supervisor is told it does not exist.
  'center.cases': {
    input: (f) => ({ centerId: f.centerId }),
    outcomes: { anonymous: 'UNAUTHORIZED', supervisor: 'ok', otherRegionSupervisor: 'NOT_FOUND' },
    otherwise: 'FORBIDDEN',
  },
  // A director reads their own center's figures; a supervisor those of a center of the region.
  'dashboard.center': {
    input: (f) => ({ month: '2026-11', centerId: f.centerId }),
    outcomes: { anonymous: 'UNAUTHORIZED', director: 'ok', supervisor: 'ok', otherRegionSupervisor: 'NOT_FOUND' },
    otherwise: 'FORBIDDEN',
  },
  // The month has not ended: the director is told so; nobody else may freeze.
  'dashboard.freeze': { input: () => ({ month: '2100-12' }), outcomes: { anonymous: 'UNAUTHORIZED', director: 'CONFLICT' }, otherwise: 'FORBIDDEN' },
  // No such warning: the center's staff (any may own a rule) are told it does not exist; nobody else may record one.
  'dashboard.disposeWarning': { input: () => ({ ref: '0'.repeat(64), disposition: '已处置' }), ...warningStaff('NOT_FOUND') },
  // Early warnings: the director sets the rules; the staff acknowledge what they own; the region's supervisor opens a region warning.
  'warnings.settings': onlyFor('director'),
  'warnings.setRule': { input: () => ({ rule: 'escalation', enabled: true, thresholds: {}, ownerId: null }), ...onlyFor('director') },
  'warnings.mine': warningStaff('ok'),
  'warnings.acknowledge': { input: () => ({ ref: '0'.repeat(64), level: 'yellow' }), ...warningStaff('NOT_FOUND') },
  'warnings.region': onlyFor('supervisor', 'otherRegionSupervisor'),
  'warnings.openRegion': { input: () => ({ ref: '0'.repeat(64) }), outcomes: { anonymous: 'UNAUTHORIZED', supervisor: 'NOT_FOUND', otherRegionSupervisor: 'NOT_FOUND' }, otherwise: 'FORBIDDEN' },
  'dashboard.trend': {
    input: (f) => ({ month: '2026-11', centerId: f.centerId }),
    outcomes: { anonymous: 'UNAUTHORIZED', director: 'ok', supervisor: 'ok', otherRegionSupervisor: 'NOT_FOUND' },
    otherwise: 'FORBIDDEN',
  },
  'dashboard.region': { input: () => ({ month: '2026-11' }), ...onlyFor('supervisor', 'otherRegionSupervisor') },
  'dashboard.cases': {
    input: (f) => ({ month: '2026-11', centerId: f.centerId, kpi: 'closure_rate', side: 'denominator' }),
    outcomes: { anonymous: 'UNAUTHORIZED', director: 'ok', supervisor: 'ok', otherRegionSupervisor: 'NOT_FOUND' },
    otherwise: 'FORBIDDEN',
  },
  'admin.users': onlyFor('admin'),
  'admin.routingRules': { input: () => ({ category: 'labor_wages' }), ...onlyFor('admin') },
  'admin.setRoutingRules': { input: () => ({ category: 'other', rules: [] }), ...onlyFor('admin') },
  'admin.checklistTemplate': { input: () => ({ category: 'labor_wages' }), ...onlyFor('admin') },
  'admin.setChecklistTemplate': { input: () => ({ category: 'other', labels: ['身份证明'] }), ...onlyFor('admin') },
  'admin.setUserStatus': { input: (f) => ({ userId: f.spareUserId, status: 'active' }), ...onlyFor('admin') },
  'admin.holidays': { input: () => ({ year: 2026 }), ...onlyFor('admin') },
  'admin.calendarCoverage': onlyFor('admin'),
  'admin.setHoliday': { input: () => ({ date: '2099-06-01', kind: 'holiday', name: '授权测试', source: '测试' }), ...onlyFor('admin') },
  'admin.removeHoliday': { input: () => ({ date: '2099-06-02' }), ...onlyFor('admin') },
  'admin.clockPolicies': onlyFor('admin'),
  'admin.setClockPolicy': { input: () => ({ key: 'acceptance', days: null, unit: 'calendar' }), ...onlyFor('admin') },
};

let handle: DatabaseHandle;
let fixture: Fixture;

beforeAll(async () => {
  handle = await freshDatabase();
  const petitioner = await callerAs(handle.db, '13800000001');
  const centerId = (await petitioner.petition.centers()).find((c) => c.regionCode === '330421')!.id;
  const created = await submitNew(petitioner, wagePetition(centerId));
  const admin = await userByLogin(handle.db, 'admin');
  const [spare] = await handle.db
    .insert(users)
    .values({ role: 'clerk', username: 'spare', displayName: '备用', passwordHash: admin.passwordHash, centerId })
    .returning({ id: users.id });
  await handle.db
    .insert(users)
    .values({ role: 'supervisor', username: 'supervisor2', displayName: '上海督导', passwordHash: admin.passwordHash, regionCode: '310100' });
  let phone = 13700000000;
  const view = await (await callerAs(handle.db, 'clerk')).case.get({ caseId: created.id });
  let respondentNo = 0;
  let hour = 0;
  fixture = {
    centerId,
    caseId: created.id,
    spareUserId: spare!.id,
    tracking: { caseNumber: created.caseNumber, trackingCode: view.trackingCode!, phoneLast4: '0001' },
    nextPhone: () => String(++phone),
    freshCase: async () =>
      (await submitNew(petitioner, wagePetition(centerId, { respondent: { kind: 'person', name: `新案${++respondentNo}` } }))).id,
    acceptedCase: async () => {
      const caseId = await fixture.freshCase();
      await (await callerAs(handle.db, 'clerk')).intake.decide({ caseId, decision: 'accept', expectedVersion: 1 });
      return { caseId, expectedVersion: 2 };
    },
    mediatorId: (await userByLogin(handle.db, 'mediator')).id,
    nextHour: () => ++hour,
    mediationWithParty: async () => {
      const { caseId, expectedVersion } = await fixture.acceptedCase();
      const view = await (await callerAs(handle.db, 'clerk')).case.get({ caseId });
      return { caseId, partyId: view.parties[0]!.id, expectedVersion };
    },
    pausedCase: async () => {
      const { caseId, expectedVersion } = await fixture.acceptedCase();
      await (await callerAs(handle.db, 'director')).case.pauseClock({ caseId, clock: 'handling', reason: 'hearing', expectedVersion });
      return { caseId, expectedVersion: expectedVersion + 1 };
    },
    extendedCaseId: '',
    partyId: view.parties[0]!.id,
    mediation: { caseId: '', documentId: '' },
  };
  const director = await callerAs(handle.db, 'director');
  const petition = await fixture.freshCase();
  await director.intake.decide({ caseId: petition, decision: 'accept', track: 'petition', expectedVersion: 1 });
  await director.case.extendClock({ caseId: petition, clock: 'handling', days: 30, reason: '需调取外地证据', expectedVersion: 2 });
  fixture.extendedCaseId = petition;
  const mediation = await fixture.acceptedCase();
  const judge = await userByLogin(handle.db, 'judge');
  await director.panel.assign({ caseId: mediation.caseId, members: [{ userId: fixture.mediatorId, isLead: true }, { userId: judge.id, isLead: false }], expectedVersion: mediation.expectedVersion });
  const paper = await (await callerAs(handle.db, 'mediator')).resolution.generateArbitrationApplication({ caseId: mediation.caseId, commission: '县劳动人事争议仲裁委员会' });
  fixture.mediation = { caseId: mediation.caseId, documentId: paper.id };
  await (await callerAs(handle.db, 'admin')).admin.setHoliday({ date: '2099-06-02', kind: 'holiday', name: '待删除', source: '测试' });
});
afterAll(() => handle.close());

describe('authorization of every procedure for every role', () => {
  it('has a declared expectation for every procedure and none for a procedure that is gone', () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(expectations).sort()).toEqual(procedures);
  });

  it('covers every role of the system', () => {
    for (const role of roles) expect(Object.keys(actors)).toContain(role);
  });

  for (const [path, expectation] of Object.entries(expectations)) {
    it(`${path}`, async () => {
      const seen: Record<string, Outcome> = {};
      const wanted: Record<string, Outcome> = {};
      for (const [actor, login] of Object.entries(actors) as [Actor, string | null][]) {
        const caller = login ? await callerAs(handle.db, login) : await anonymousCaller(handle.db);
        const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          input: unknown,
        ) => Promise<unknown>;
        seen[actor] = await procedure(await expectation.input?.(fixture)).then(
          () => 'ok' as const,
          (error: { code?: Outcome }) => error.code ?? ('unknown' as Outcome),
        );
        wanted[actor] = expectation.outcomes[actor] ?? expectation.otherwise;
      }
      expect(seen).toEqual(wanted);
    });
  }
});
