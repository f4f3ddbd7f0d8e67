import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, centers, panelMembers, timelineEvents } from '../../db/schema';
import type { Visibility } from '../domain/case-status';
import { regionContains } from '../domain/region';
import type { Role } from '../domain/roles';
import type { SessionUser } from './session-user';

/**
 * The access policy: the one place that decides who may see a case and what of it.
 * See DESIGN.md, "Access policy".
 */

export type CaseRelation =
  | { kind: 'party'; partyIds: string[] }
  | { kind: 'panel'; isLead: boolean }
  | { kind: 'center_staff' }
  | { kind: 'supervisor' };

/** Center staff who see every case of their own center. */
const centerWideRoles: readonly Role[] = ['clerk', 'director'];

export interface CaseAccess {
  caseId: string;
  centerId: string;
  relation: CaseRelation;
}

/** The caller's relation to a case, or null when they have none (the caller then gets NOT_FOUND). */
export async function resolveCaseAccess(db: Database, user: SessionUser, caseId: string): Promise<CaseAccess | null> {
  const [row] = await db
    .select({ id: cases.id, centerId: cases.centerId, regionCode: centers.regionCode })
    .from(cases)
    .innerJoin(centers, eq(centers.id, cases.centerId))
    .where(eq(cases.id, caseId))
    .limit(1);
  if (!row) return null;
  const access = (relation: CaseRelation): CaseAccess => ({ caseId: row.id, centerId: row.centerId, relation });

  const [member] = await db
    .select({ isLead: panelMembers.isLead })
    .from(panelMembers)
    .where(and(eq(panelMembers.caseId, caseId), eq(panelMembers.userId, user.id), isNull(panelMembers.removedAt)))
    .limit(1);
  if (member) return access({ kind: 'panel', isLead: member.isLead });
  if (centerWideRoles.includes(user.role) && user.centerId === row.centerId) return access({ kind: 'center_staff' });
  if (user.role === 'supervisor' && user.regionCode && regionContains(user.regionCode, row.regionCode)) {
    return access({ kind: 'supervisor' });
  }
  const parties = await db
    .select({ id: caseParties.id })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.userId, user.id)));
  if (parties.length > 0) return access({ kind: 'party', partyIds: parties.map((p) => p.id) });
  return null;
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

/** Whether the caller may see a party's full phone and ID number (otherwise they are masked). */
export function seesFullContact(access: CaseAccess): boolean {
  return access.relation.kind === 'center_staff' || access.relation.kind === 'panel';
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

/** The tracking code opens the public tracking page, so only the parties and the center's staff see it. */
export function seesTrackingCode(access: CaseAccess): boolean {
  return access.relation.kind === 'party' || access.relation.kind === 'center_staff';
}
