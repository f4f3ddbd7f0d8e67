import type { Category } from './case-status';
import { followUpDefaults, followUpReasons, type FollowUpReason } from './follow-ups';

/**
 * The kind of case, chosen at acceptance: it decides which law's clocks run. Sources are
 * catalog keys (`law.*`) so every explanation cites the article in the reader's language.
 */
export const tracks = ['petition', 'people_mediation', 'labor_mediation', 'delegated_mediation', 'consultation'] as const;
export type Track = (typeof tracks)[number];

export const clockUnits = ['calendar', 'working'] as const;
export type ClockUnit = (typeof clockUnits)[number];

/** What a clock starts from: receipt, the acceptance decision, or the event that opens it (an agreement taking effect, an application, an assignment). */
export type ClockBasis = 'received' | 'accepted' | 'event';

/** How a clock may be extended: once by the director (petitions), or with the parties' consent (mediation). */
export type ExtensionRule = { kind: 'director_once'; maxDays: number } | { kind: 'parties_consent' } | { kind: 'none' };

export interface ClockRule {
  days: number;
  unit: ClockUnit;
  basis: ClockBasis;
  /** Catalog key of the legal source, e.g. `law.petitionAcceptance`. */
  source: string;
  extension: ExtensionRule;
}

/** The case's own clocks: one live clock of each kind; all end when the case closes. */
export const caseClockKinds = ['acceptance', 'handling', 'judicial_confirmation', 'court_acceptance', 'court_decision', 'report'] as const;
/** Clocks about one thing within the case (a rating): several of a kind at once, outliving the case's closure. */
export const subjectClockKinds = ['rating_callback', 'rectification', 'follow_up', 'review_answer'] as const;
export const clockKinds = [...caseClockKinds, ...subjectClockKinds] as const;
export type ClockKind = (typeof clockKinds)[number];

/** The only reasons a clock may stop: an appraisal or assessment, a hearing, a party who cannot be reached. */
export const pauseReasons = ['appraisal', 'hearing', 'party_unreachable'] as const;
export type PauseReason = (typeof pauseReasons)[number];

/**
 * Statutory defaults (a center may override days and unit):
 * - acceptance: 信访工作条例 (2022) art. 22 — decide within 15 days of receipt; applied to
 *   every registered matter, since the track is only known once it is accepted;
 * - petition handling: 60 days from acceptance, one extension of at most 30 (same regulation);
 * - people's mediation: about 30 days, longer with the parties' consent (人民调解工作若干规定 art. 33);
 * - labor mediation: 15 days from receipt of the application (劳动争议调解仲裁法 art. 14);
 * - court-delegated mediation: 30 days from delegation (人民法院在线调解规则);
 * - consultation: no statutory clock.
 */
export const acceptanceRule: ClockRule = {
  days: 15,
  unit: 'calendar',
  basis: 'received',
  source: 'law.petitionAcceptance',
  extension: { kind: 'none' },
};

export const handlingRules: Record<Track, ClockRule | null> = {
  petition: { days: 60, unit: 'calendar', basis: 'accepted', source: 'law.petitionHandling', extension: { kind: 'director_once', maxDays: 30 } },
  people_mediation: { days: 30, unit: 'calendar', basis: 'accepted', source: 'law.peopleMediation', extension: { kind: 'parties_consent' } },
  labor_mediation: { days: 15, unit: 'calendar', basis: 'received', source: 'law.laborMediation', extension: { kind: 'parties_consent' } },
  delegated_mediation: { days: 30, unit: 'calendar', basis: 'received', source: 'law.delegatedMediation', extension: { kind: 'parties_consent' } },
  consultation: null,
};

/**
 * Clocks after mediation (defaults; not overridden per center — they bind the parties and the court):
 * - judicial confirmation: the parties apply jointly within 30 days of the agreement taking
 *   effect (人民调解法 art. 33);
 * - the court accepts within 3 days and decides within 15, extendable by 10 (民事诉讼法
 *   arts. 205–206, 最高人民法院关于人民调解协议司法确认程序的若干规定 (法释〔2011〕5号));
 * - an assignment (交办) is reported back by the date the assigning body sets.
 */
export const eventClockRules: Record<Exclude<ClockKind, 'acceptance' | 'handling'>, ClockRule> = {
  judicial_confirmation: { days: 30, unit: 'calendar', basis: 'event', source: 'law.judicialConfirmation', extension: { kind: 'none' } },
  court_acceptance: { days: 3, unit: 'calendar', basis: 'event', source: 'law.confirmationProcedure', extension: { kind: 'none' } },
  court_decision: { days: 15, unit: 'calendar', basis: 'event', source: 'law.confirmationProcedure', extension: { kind: 'director_once', maxDays: 10 } },
  report: { days: 15, unit: 'calendar', basis: 'event', source: 'law.assignmentReport', extension: { kind: 'none' } },
  // A bad rating (Zhejiang's 好差评 rules): call back within 1 day, rectify and report within 15.
  // Both run from the rating, one pair per rating; a center may count working days instead.
  rating_callback: { days: 1, unit: 'calendar', basis: 'event', source: 'law.ratingCallback', extension: { kind: 'none' } },
  rectification: { days: 15, unit: 'calendar', basis: 'event', source: 'law.ratingRectification', extension: { kind: 'none' } },
  // A follow-up visit falls due on the date it was planned for (set per visit).
  follow_up: { days: 30, unit: 'calendar', basis: 'event', source: 'law.followUp', extension: { kind: 'none' } },
  // The higher body answers a review request within 30 days (信访工作条例 art. 35).
  review_answer: { days: 30, unit: 'calendar', basis: 'event', source: 'law.reviewAnswer', extension: { kind: 'none' } },
};

export function followUpPolicyKey(reason: FollowUpReason): string {
  return `follow_up:${reason}`;
}

/** The key a center's override of a clock is stored under (`acceptance`, `handling:petition`). */
export function clockPolicyKey(kind: ClockKind, track?: Track | null): string {
  if (kind === 'handling') return `handling:${track}`;
  return kind;
}

/** Every clock a center can override, with its statutory default. */
export function defaultClockPolicies(): { key: string; rule: ClockRule }[] {
  return [
    { key: clockPolicyKey('acceptance'), rule: acceptanceRule },
    ...tracks.flatMap((track) => {
      const rule = handlingRules[track];
      return rule ? [{ key: clockPolicyKey('handling', track), rule }] : [];
    }),
    ...(['rating_callback', 'rectification'] as const).map((kind) => ({ key: clockPolicyKey(kind), rule: eventClockRules[kind] })),
    // When follow-up visits are planned: days before a term, after the last term, after closure.
    ...followUpReasons.map((reason) => ({
      key: followUpPolicyKey(reason),
      rule: { days: followUpDefaults[reason], unit: 'calendar', basis: 'event', source: 'law.followUp', extension: { kind: 'none' } } satisfies ClockRule,
    })),
  ];
}

/** A center's override replaces the days and the unit, never the basis, source or extension rule. */
export function ruleFor(kind: ClockKind, track: Track | null, override?: { days: number; unit: ClockUnit } | null): ClockRule | null {
  const base = kind === 'acceptance' ? acceptanceRule : kind === 'handling' ? (track ? handlingRules[track] : null) : eventClockRules[kind];
  if (!base) return null;
  return override ? { ...base, days: override.days, unit: override.unit } : base;
}

/** The track a category usually takes; the clerk or director can choose another at acceptance. */
export function suggestTrack(category: string): Track {
  switch (category as Category) {
    case 'labor_wages':
      return 'labor_mediation';
    case 'land_housing':
      return 'petition';
    default:
      return 'people_mediation';
  }
}

export function isMediationTrack(track: Track | null): boolean {
  return track === 'people_mediation' || track === 'labor_mediation' || track === 'delegated_mediation';
}
