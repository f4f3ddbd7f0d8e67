// Roles are shared by the schema, the access policy and the UI; one list serves all three.
export const roles = [
  'petitioner',
  'clerk',
  'mediator',
  'judge',
  'lawyer',
  'labor_official',
  'psychologist',
  'director',
  'supervisor',
  'admin',
] as const;
export type Role = (typeof roles)[number];

/** Roles whose members sit on joint panels. */
export const panelRoles = ['mediator', 'judge', 'lawyer', 'labor_official', 'psychologist'] as const;
export type PanelRole = (typeof panelRoles)[number];

export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const organizationKinds = [
  'court',
  'justice_bureau',
  'hrss_bureau',
  'letters_visits_bureau',
  'law_firm',
  'mediation_committee',
  'psychological_service',
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  switch (role) {
    case 'petitioner':
      return '/my';
    case 'clerk':
      return '/intake';
    case 'director':
      return '/dashboard';
    case 'supervisor':
      return '/region';
    case 'admin':
      return '/admin';
    default:
      return '/cases';
  }
}
