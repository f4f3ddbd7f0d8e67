import { panelRoles, type Role } from './roles';

/**
 * The early-warning rules a center can tune, and their defaults (issue 10): the one place the
 * thresholds are written down. A center's director may switch a rule off, move its thresholds
 * and name the staff member who owns its warnings; a center without a setting gets these.
 */

export const centerWarningRules = ['respondent_wave', 'group', 'repeat', 'clock', 'escalation', 'township_spike'] as const;
export type CenterWarningRule = (typeof centerWarningRules)[number];

/** Who may own a rule's warnings: the center's own staff, never a petitioner, supervisor or admin. */
export const warningOwnerRoles = ['clerk', 'director', ...panelRoles] as const satisfies readonly Role[];

/** Every number a rule can be tuned by; each rule uses some of them. */
export const thresholdFields = ['yellow', 'red', 'redPeople', 'yellowLabor', 'yellowTimes', 'redTimes'] as const;
export type ThresholdField = (typeof thresholdFields)[number];
export type Thresholds = Partial<Record<ThresholdField, number>>;

/**
 * - respondent_wave: cases against one respondent within 30 days (yellow, red) or people in them (red);
 * - group: applicants in one open case (yellow; yellowLabor in wage cases, where crews are larger);
 * - repeat: cases by one person against one respondent within 30 days (the second yellow, the third red);
 * - clock: days left on a running clock (yellow at or under it; red once overdue, always);
 * - escalation: red at once, nothing to tune but whether it is on;
 * - township_spike: one category's cases in one township in the last 7 days, against its weekly
 *   average over the 8 weeks before: yellow at ≥ max(yellow, yellowTimes × that average), red
 *   at ≥ max(red, redTimes × it) — the floor keeps a quiet township's first few cases from ringing.
 */
export const defaultThresholds = {
  respondent_wave: { yellow: 3, red: 5, redPeople: 30 },
  group: { yellow: 5, yellowLabor: 10 },
  repeat: { yellow: 2, red: 3 },
  clock: { yellow: 3 },
  escalation: {},
  township_spike: { yellow: 3, red: 5, yellowTimes: 2, redTimes: 3 },
} as const satisfies Record<CenterWarningRule, Thresholds>;

export interface RuleSetting {
  enabled: boolean;
  thresholds: Thresholds;
}
export type WarningSettings = Record<CenterWarningRule, RuleSetting>;

export const defaultWarningSettings: WarningSettings = Object.fromEntries(
  centerWarningRules.map((rule) => [rule, { enabled: true, thresholds: { ...defaultThresholds[rule] } }]),
) as WarningSettings;

/** The fields a rule is tuned by, in the order a form shows them. */
export function fieldsOf(rule: CenterWarningRule): ThresholdField[] {
  return thresholdFields.filter((f) => f in defaultThresholds[rule]);
}

/** A rule's thresholds as stored, over its defaults: a field added later falls back to its default. */
export function mergedThresholds(rule: CenterWarningRule, stored: Thresholds | null | undefined): Thresholds {
  const merged: Thresholds = { ...defaultThresholds[rule] };
  for (const field of fieldsOf(rule)) {
    const value = stored?.[field];
    if (typeof value === 'number') merged[field] = value;
  }
  return merged;
}

/** A rule's threshold, known to exist for it (the defaults name every field a rule uses). */
export const threshold = (setting: RuleSetting, field: ThresholdField): number => setting.thresholds[field]!;

export interface ThresholdProblem {
  field: ThresholdField;
  /** A catalog key. */
  message: string;
}

/**
 * What is wrong with thresholds a director entered, per field. Days left may be 0 (due today);
 * counts start at 1. Red below yellow would never show yellow; equal means red at once.
 */
export function thresholdProblems(rule: CenterWarningRule, thresholds: Thresholds): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (const field of fieldsOf(rule)) {
    const value = thresholds[field];
    if (value === undefined) problems.push({ field, message: 'validation.required' });
    else if (!Number.isInteger(value)) problems.push({ field, message: 'warnings.wholeNumber' });
    else if (value < (rule === 'clock' ? 0 : 1)) problems.push({ field, message: rule === 'clock' ? 'warnings.negative' : 'warnings.atLeastOne' });
  }
  if (problems.length > 0) return problems;
  for (const [low, high] of [['yellow', 'red'], ['yellowTimes', 'redTimes']] as const) {
    const [a, b] = [thresholds[low], thresholds[high]];
    if (a !== undefined && b !== undefined && b < a) problems.push({ field: high, message: 'warnings.redBelowYellow' });
  }
  return problems;
}
