import type { Category } from './case-status';
import type { OrganizationKind, Role } from './roles';

/**
 * Which panel a kind of dispute usually needs (DESIGN.md): the defaults every center starts
 * with; a center's own rules (routing_rules) replace them.
 */
export interface RoutingRule {
  role: Role;
  isLead: boolean;
  organizationKind?: OrganizationKind | null;
  condition?: string | null;
}

const mediatorLead: RoutingRule = { role: 'mediator', isLead: true, organizationKind: 'mediation_committee' };
const lawyer: RoutingRule = { role: 'lawyer', isLead: false, organizationKind: 'law_firm' };
const judgeForConfirmation: RoutingRule = {
  role: 'judge',
  isLead: false,
  organizationKind: 'court',
  condition: 'judicial_confirmation',
};

export const defaultRoutingRules: Record<Category, RoutingRule[]> = {
  labor_wages: [mediatorLead, { role: 'labor_official', isLead: false, organizationKind: 'hrss_bureau' }, lawyer, judgeForConfirmation],
  marriage_family: [mediatorLead, { role: 'psychologist', isLead: false, organizationKind: 'psychological_service' }],
  neighbours: [mediatorLead],
  property_management: [mediatorLead, lawyer],
  land_housing: [mediatorLead, lawyer, judgeForConfirmation],
  consumer: [mediatorLead],
  medical: [mediatorLead, lawyer, judgeForConfirmation],
  traffic: [mediatorLead, lawyer, judgeForConfirmation],
  contract_debt: [mediatorLead, lawyer, judgeForConfirmation],
  other: [mediatorLead],
};

export function rulesFor(category: string, centerRules: RoutingRule[] | null): RoutingRule[] {
  if (centerRules && centerRules.length > 0) return centerRules;
  return defaultRoutingRules[category as Category] ?? defaultRoutingRules.other;
}

export interface PanelCandidate {
  userId: string;
  name: string;
  role: Role;
  organizationKind: OrganizationKind | null;
  organizationName: string | null;
  /** Open cases the person is on now. */
  load: number;
}

export interface Suggestion {
  rule: RoutingRule;
  /** Best first: the rule's organization, then the lightest load, then by name. */
  candidates: PanelCandidate[];
}

/** For each rule, the people who could fill it, the one to pick first on top. */
export function suggestPanel(rules: RoutingRule[], people: PanelCandidate[]): Suggestion[] {
  return rules.map((rule) => ({
    rule,
    candidates: people
      .filter((p) => p.role === rule.role)
      .sort(
        (a, b) =>
          Number(b.organizationKind === rule.organizationKind) - Number(a.organizationKind === rule.organizationKind) ||
          a.load - b.load ||
          a.name.localeCompare(b.name, 'zh-CN'),
      ),
  }));
}

/** A panel has exactly one lead and no one twice. */
export function checkPanel(members: { userId: string; isLead: boolean }[]): 'ok' | 'no_members' | 'one_lead' | 'duplicate_member' {
  if (members.length === 0) return 'no_members';
  if (members.filter((m) => m.isLead).length !== 1) return 'one_lead';
  if (new Set(members.map((m) => m.userId)).size !== members.length) return 'duplicate_member';
  return 'ok';
}
