export const caseStatuses = [
  'registered',
  'accepted',
  'declined',
  'transferred',
  'mediating',
  'agreed',
  'referred',
  'closed',
  'reopened',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const openStatuses: readonly CaseStatus[] = ['registered', 'accepted', 'mediating', 'agreed', 'reopened'];

export const channels = ['online', 'walk_in', 'hotline', 'letter', 'transfer', 'terminal'] as const;
export type Channel = (typeof channels)[number];

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

/** Who may read a timeline entry; see DESIGN.md, access policy. */
export const visibilities = ['parties', 'panel', 'internal', 'caucus'] as const;
export type Visibility = (typeof visibilities)[number];
