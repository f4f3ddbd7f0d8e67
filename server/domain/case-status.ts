export const caseStatuses = [
  'registered',
  'accepted',
  'declined',
  'transferred',
  'merged',
  'mediating',
  // An agreement has taken effect; its terms are being performed.
  'performing',
  // Assigned to another body (交办), which reports back by a date.
  'referred',
  'closed',
  'reopened',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const openStatuses: readonly CaseStatus[] = ['registered', 'accepted', 'mediating', 'performing', 'referred', 'reopened'];

export const channels = ['online', 'walk_in', 'hotline', 'letter', 'transfer', 'terminal'] as const;
export type Channel = (typeof channels)[number];

/** The default categories every center starts with; a center can disable or add its own. */
export const categories = [
  'labor_wages',
  'neighbours',
  'marriage_family',
  'property_management',
  'land_housing',
  'consumer',
  'medical',
  'traffic',
  'contract_debt',
  'other',
] as const;
export type Category = (typeof categories)[number];

export const partyRoles = ['applicant', 'respondent'] as const;
export type PartyRole = (typeof partyRoles)[number];

export const partyKinds = ['person', 'organization'] as const;
export type PartyKind = (typeof partyKinds)[number];

/** At most five representatives speak for a group petition (信访工作条例). */
export const maxRepresentatives = 5;

/** Who may read a timeline entry; see DESIGN.md, access policy. */
export const visibilities = ['parties', 'panel', 'internal', 'caucus'] as const;
export type Visibility = (typeof visibilities)[number];
