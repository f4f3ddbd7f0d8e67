import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { preparedPerHandle } from '../../db/prepared';
import { caseParties, cases, centers, panelMembers, timelineEvents, users } from '../../db/schema';
import type { CaseStatus, Visibility } from '../domain/case-status';
import { publicEventKinds } from '../domain/case-events';
import type { Audience } from '../domain/event-render';
import { regionContains } from '../domain/region';
import type { Role } from '../domain/roles';
import { decideTransition, isTransition } from '../domain/workflow';
import { checkedSessionUser, sessionUserColumns, type SessionClaims, type SessionUser } from './session-user';

/**
 * The access policy: the one place that decides who may see a case, what of it, and what
 * they may do to it. Services ask `can`; pages ask the server for `openActions`; nothing
 * re-derives a rule elsewhere.
 *
 * Relations (resolved per request, in this order):
 * - panel member of the case (with whether they lead it);
 * - clerk or director of the case's center;
 * - supervisor whose region contains the center (GB/T 2260 prefix);
 * - party of the case (applicant or respondent with an account);
 * - none → the caller gets NOT_FOUND, exactly as for a case that does not exist.
 */

export type CaseRelation =
  | { kind: 'party'; partyIds: string[] }
  | { kind: 'panel'; isLead: boolean; role: Role }
  | { kind: 'center_staff'; role: 'clerk' | 'director' }
  | { kind: 'supervisor' };

export interface CaseAccess {
  caseId: string;
  centerId: string;
  relation: CaseRelation;
}

const centerWideRoles = ['clerk', 'director'] as const;
const isCenterWide = (role: Role): role is (typeof centerWideRoles)[number] => (centerWideRoles as readonly Role[]).includes(role);

// The case, its center's region and the caller's panel seat and party rows, read in one
// statement: every case procedure runs it, prepared once per database handle.
const caseRelationColumns = {
  caseId: cases.id,
  caseCenterId: cases.centerId,
  caseRegionCode: centers.regionCode,
  panelLead: sql<boolean | null>`(
    select ${panelMembers.isLead} from ${panelMembers}
    where ${panelMembers.caseId} = ${cases.id} and ${panelMembers.userId} = ${sql.placeholder('userId')} and ${panelMembers.removedAt} is null
    limit 1)`,
  partyIds: sql<string[] | null>`(
    select json_agg(${caseParties.id}) from ${caseParties}
    where ${caseParties.caseId} = ${cases.id} and ${caseParties.userId} = ${sql.placeholder('userId')})`,
};

interface CaseRelationRow {
  caseId: string | null;
  caseCenterId: string | null;
  caseRegionCode: string | null;
  panelLead: boolean | null;
  partyIds: string[] | null;
}

const caseRelationQuery = preparedPerHandle((db) =>
  db
    .select(caseRelationColumns)
    .from(cases)
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .where(eq(cases.id, sql.placeholder('caseId')))
    .limit(1)
    .prepare('case_relation'),
);

// A request's first case procedure re-checks the session and resolves the relation in the
// same round trip: the user's row, with the case (if it exists) joined beside it.
const sessionCaseRelationQuery = preparedPerHandle((db) =>
  db
    .select({ ...sessionUserColumns, ...caseRelationColumns })
    .from(users)
    .leftJoin(cases, eq(cases.id, sql.placeholder('caseId')))
    .leftJoin(centers, eq(centers.id, cases.centerId))
    .where(eq(users.id, sql.placeholder('userId')))
    .limit(1)
    .prepare('session_case_relation'),
);

/** The caller's relation to a case, or null when they have none (the caller then gets NOT_FOUND). */
export async function resolveCaseAccess(db: Database, user: SessionUser, caseId: string): Promise<CaseAccess | null> {
  const [row] = await caseRelationQuery(db).execute({ caseId, userId: user.id });
  return row ? accessFrom(user, row) : null;
}

/** The session's user (re-checked as on every request) and their relation to a case, in one query. */
export async function resolveSessionAndCaseAccess(
  db: Database,
  claims: SessionClaims,
  caseId: string,
): Promise<{ user: SessionUser | null; access: CaseAccess | null }> {
  const [row] = await sessionCaseRelationQuery(db).execute({ caseId, userId: claims.userId });
  const user = checkedSessionUser(row, claims);
  return { user, access: user && row ? accessFrom(user, row) : null };
}

function accessFrom(user: SessionUser, row: CaseRelationRow): CaseAccess | null {
  if (!row.caseId || !row.caseCenterId) return null;
  const access = (relation: CaseRelation): CaseAccess => ({ caseId: row.caseId!, centerId: row.caseCenterId!, relation });
  if (row.panelLead !== null) return access({ kind: 'panel', isLead: row.panelLead, role: user.role });
  if (isCenterWide(user.role) && user.centerId === row.caseCenterId) return access({ kind: 'center_staff', role: user.role });
  if (user.role === 'supervisor' && user.regionCode && row.caseRegionCode && regionContains(user.regionCode, row.caseRegionCode)) {
    return access({ kind: 'supervisor' });
  }
  if (row.partyIds?.length) return access({ kind: 'party', partyIds: row.partyIds });
  return null;
}

/**
 * Center-wide figures and orders (the dashboard, 督办 on a center): a director sees their own
 * center, a supervisor every center of their region; nobody else any.
 */
export function centerInScope(user: SessionUser, center: { id: string; regionCode: string }): boolean {
  if (user.role === 'director') return user.centerId === center.id;
  if (user.role === 'supervisor') return !!user.regionCode && regionContains(user.regionCode, center.regionCode);
  return false;
}

/** Which visibilities a relation reads; caucus entries are added per party in `timelineFilter`. */
export function readableVisibilities(relation: CaseRelation): Visibility[] {
  switch (relation.kind) {
    case 'party':
      return ['parties'];
    case 'panel':
      return ['parties', 'panel', 'internal', 'caucus'];
    case 'center_staff':
    case 'supervisor':
      return ['parties', 'panel'];
  }
}

/** The WHERE clause that keeps a caller to the timeline entries they may read. */
export function timelineFilter(access: CaseAccess): SQL {
  let visible = inArray(timelineEvents.visibility, readableVisibilities(access.relation));
  if (access.relation.kind === 'party') {
    // A party also reads the separate talks held with them, never those with the other side.
    visible = or(
      visible,
      and(eq(timelineEvents.visibility, 'caucus'), inArray(timelineEvents.caucusPartyId, access.relation.partyIds)),
    )!;
  }
  return and(eq(timelineEvents.caseId, access.caseId), eq(timelineEvents.centerId, access.centerId), visible)!;
}

/** The public tracking page: what every party reads, of the kinds meant for it. */
export function publicTimelineFilter(caseId: string): SQL {
  return and(eq(timelineEvents.caseId, caseId), eq(timelineEvents.visibility, 'parties'), inArray(timelineEvents.kind, publicEventKinds))!;
}

/** Parties read the parties' wording of events; everyone else who may see the case reads the staff's (with who may see each entry). */
export function audienceOf(access: CaseAccess): Audience {
  return access.relation.kind === 'party' ? 'parties' : 'staff';
}

/**
 * The visibilities a caller may write with: what they can read, and a caucus only from the
 * panel. The first is the safest, the composer's default.
 */
export function writableVisibilities(relation: CaseRelation): Visibility[] {
  switch (relation.kind) {
    case 'panel':
      return ['internal', 'panel', 'caucus', 'parties'];
    case 'center_staff':
      return ['panel', 'parties'];
    case 'party':
      return ['parties'];
    case 'supervisor':
      return [];
  }
}

type Rule = (relation: CaseRelation) => boolean;
const centerStaff: Rule = (r) => r.kind === 'center_staff';
const director: Rule = (r) => r.kind === 'center_staff' && r.role === 'director';
const panel: Rule = (r) => r.kind === 'panel';
const lead: Rule = (r) => r.kind === 'panel' && r.isLead;
const judge: Rule = (r) => r.kind === 'panel' && r.role === 'judge';
const party: Rule = (r) => r.kind === 'party';
const either =
  (...rules: Rule[]): Rule =>
  (r) =>
    rules.some((rule) => rule(r));

/** Everything a relation may do to a case. Workflow actions also need the case's state to allow them. */
const rules = {
  // Everyone with a relation reads the case (what of it: the visibilities above).
  read: () => true,
  // Acceptance and intake: the center's clerks and director.
  accept: centerStaff,
  decline: centerStaff,
  transfer: centerStaff,
  merge_into: centerStaff,
  link: centerStaff,
  record_visit: centerStaff,
  // The joint panel is formed and changed by the center's staff, from the routing rules.
  assign_panel: centerStaff,
  change_panel: centerStaff,
  see_panel_suggestions: centerStaff,
  // Only the director changes a track or extends a petition's handling (信访工作条例).
  change_track: director,
  extend_petition_clock: director,
  // Mediation clocks go on with the parties' consent, recorded by the lead or the director.
  extend_mediation_clock: either(director, lead),
  pause_clock: either(director, lead),
  // The work of the case.
  post: (r) => writableVisibilities(r).length > 0,
  upload_evidence: (r) => writableVisibilities(r).some((v) => v !== 'caucus'),
  update_details: either(centerStaff, panel),
  schedule_session: either(centerStaff, panel),
  // Minutes and outcomes are the panel's record of what happened in the room.
  record_session: panel,
  read_minutes: panel,
  update_checklist: either(centerStaff, panel),
  // A party answers what the panel asks for with a file of their own.
  answer_checklist: party,
  // Resolution. The lead writes the agreement (and records an oral one); marks made at the
  // window are recorded by whoever works the case; a party confirms on their own phone; the
  // lead signs as mediator and the lead or the director applies the committee's seal.
  draft_agreement: lead,
  record_oral_agreement: lead,
  record_mark: either(centerStaff, panel),
  confirm_agreement: party,
  sign_as_mediator: lead,
  affix_seal: either(lead, director),
  // Judicial confirmation: the lead files it with the parties; the judge on the panel records
  // what the court decides.
  apply_confirmation: either(lead, director),
  record_court_decision: judge,
  // Performance: payments are recorded at the window or by the panel; routes for a missed term
  // are prepared by those who work the case.
  record_payment: either(centerStaff, panel),
  generate_document: either(centerStaff, panel),
  record_service: either(centerStaff, panel),
  // Ending the case.
  terminate: either(lead, director),
  close: either(lead, director),
  reply: director,
  assign_out: centerStaff,
  receive_report: centerStaff,
  // Ratings (好差评): only a party rates, never staff. A bad rating is answered by the director
  // (who alone sees who rated it); an appeal against it is decided by the supervisor.
  rate: party,
  answer_rating: director,
  decide_rating_appeal: (r) => r.kind === 'supervisor',
  // Follow-up visits are made by whoever works the case; bringing a dispute that came back to
  // mediation again is the director's decision. Review requests of a petition are recorded,
  // sent up and answered at the center's window.
  record_follow_up: either(centerStaff, panel),
  reopen: director,
  record_review: centerStaff,
  // 督办: the region's supervisor orders, the center's director answers.
  issue_supervision: (r) => r.kind === 'supervisor',
  answer_supervision: director,
  // Adding the workers of a group case from a pasted list or a spreadsheet.
  import_roster: either(centerStaff, panel),
  // Personal data: shown masked to everyone; those who work the case may reveal one party's
  // full ID number and phone, which is audited. The tracking code for those who may hand it
  // to the petitioner.
  reveal_contact: either(centerStaff, panel),
  see_tracking_code: (r) => r.kind === 'party' || r.kind === 'center_staff',
} satisfies Record<string, Rule>;

export type CaseActionName = keyof typeof rules;
export const caseActionNames = Object.keys(rules) as CaseActionName[];

/** Whether this relation may do this to the case (regardless of the case's state). */
export function can(access: CaseAccess, action: CaseActionName): boolean {
  return rules[action](access.relation);
}

/** The actions open to the caller now: allowed by the policy and, for workflow actions, by the case's state. */
export function openActions(access: CaseAccess, status: CaseStatus): CaseActionName[] {
  return caseActionNames.filter((a) => can(access, a) && (!isTransition(a) || decideTransition(status, a).ok));
}
