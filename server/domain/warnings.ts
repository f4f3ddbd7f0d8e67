import type { caseClockKinds } from './tracks';
import { daysLeft } from './clocks';
import { defaultWarningSettings, threshold, type ThresholdField, type WarningSettings } from './warning-settings';

/**
 * Early warnings (预警) on a center's cases, each rule defined once, here; their thresholds are
 * the center's (server/domain/warning-settings.ts holds the defaults, quoted here):
 *
 * - the same respondent (credit code, else normalized name) in ≥ 3 cases registered within 30 days
 *   is yellow; ≥ 5 cases or ≥ 30 people red — a wave of claims against one employer;
 * - a group of ≥ 5 applicants in one open case (≥ 10 in wage cases) is yellow;
 * - the same person (ID number, else phone) with the same respondent again within 30 days is
 *   yellow, the third time red — and red at once when that matter has been through 复核 (the
 *   last instance of review: a petition again after it is a repeat of a settled matter);
 * - a running legal clock with ≤ 3 days left is yellow, overdue red;
 * - words in a petition that signal escalation — threats of extreme acts, self-harm, violence,
 *   going to higher levels — are red at once: the mediator must take preventive measures and
 *   report to the police (人民调解法 art. 25);
 * - one category's cases in one township in the last 7 days at ≥ max(3, 2×) its weekly average
 *   over the 8 weeks before is yellow, at ≥ max(5, 3×) red — a local flare-up (a factory closing,
 *   a demolition) shows before it reaches the center as one large case.
 */

export const warningRules = ['respondent_wave', 'group', 'repeat', 'clock', 'escalation', 'township_spike'] as const;
export type WarningRule = (typeof warningRules)[number];
export type WarningLevel = 'yellow' | 'red';
type CaseClockKind = (typeof caseClockKinds)[number];

/** What the rules need of a case registered in the last 30 days or still open. */
export interface WarningCase {
  id: string;
  category: string;
  registeredAt: Date;
  open: boolean;
  /** Applicants. */
  people: number;
  /** The respondent's credit code, else their normalized name. */
  respondentKey: string | null;
  respondentName: string | null;
  /** Each applicant's ID-number hash, else phone. */
  applicantKeys: string[];
  /** The petition's words: title, facts and request. */
  text: string;
}

export interface Warning {
  rule: WarningRule;
  /**
   * What the warning is about, stable while its cases grow (the respondent; the person and the
   * matter; the case): a disposition recorded against it holds until the level rises.
   */
  key: string;
  level: WarningLevel;
  /** Who or what it is about (a respondent's name, the words found). */
  subject: string;
  caseIds: string[];
  people: number;
  /** For the clock rule: which clock and its days left (negative: overdue). */
  clock?: { kind: CaseClockKind; daysLeft: number };
  /** For the township rule: the category, its cases in the last 7 days and its weekly baseline. */
  spike?: { category: string; recent: number; baseline: number };
}

/** Whether this person answers for a warning (acknowledges it, records what was done): its owner, or any director of the center. */
export const answersFor = (user: { id: string; role: string }, warning: { owner: { id: string } | null }) => user.role === 'director' || warning.owner?.id === user.id;

/** A running clock of one of the center's cases. */
export interface WarningClock {
  id: string;
  caseId: string;
  kind: CaseClockKind;
  dueAt: Date;
}

const windowMs = 30 * 86_400_000;

// Phrases, not single characters, so ordinary words (炸鸡, 杀价) do not ring.
export const escalationPhrases = [
  '跳楼',
  '自杀',
  '自焚',
  '轻生',
  '不想活',
  '同归于尽',
  '杀了他',
  '杀了你',
  '弄死',
  '炸药',
  '炸了',
  '报复社会',
  '拼命',
  '上访到北京',
  '去北京上访',
  '进京',
  '到省里上访',
  '集体上访',
  '堵路',
  '拉横幅',
  '围堵',
  '极端',
];

function groupBy<T>(items: T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

const people = (cs: { people: number }[]) => cs.reduce((sum, c) => sum + c.people, 0);

/** What the rules know beyond the cases: the person-and-matter keys that went through 复核. */
interface RuleContext {
  reReviewed: ReadonlySet<string>;
}

type Rule = (cases: WarningCase[], recent: WarningCase[], settings: WarningSettings, context: RuleContext) => Warning[];

const respondentWave: Rule = (_cases, recent, { respondent_wave: s }) =>
  [...groupBy(recent, (c) => c.respondentKey).values()]
    .filter((group) => group.length >= threshold(s, 'yellow'))
    .map((group) => ({
      rule: 'respondent_wave',
      key: group[0]!.respondentKey!,
      level: group.length >= threshold(s, 'red') || people(group) >= threshold(s, 'redPeople') ? 'red' : 'yellow',
      subject: group[0]!.respondentName ?? group[0]!.respondentKey!,
      caseIds: group.map((c) => c.id),
      people: people(group),
    }));

const group: Rule = (cases, _recent, { group: s }) =>
  cases
    .filter((c) => c.open && c.people >= threshold(s, c.category === 'labor_wages' ? 'yellowLabor' : 'yellow'))
    .map((c) => ({ rule: 'group', key: c.id, level: 'yellow', subject: c.respondentName ?? '', caseIds: [c.id], people: c.people }));

/** A person-and-matter key as the repeat rule groups by (and as `reReviewed` names them). */
export const personAndMatterKey = (person: string, respondentKey: string) => `${person}\u0000${respondentKey}`;

const repeat: Rule = (_cases, recent, { repeat: s }, { reReviewed }) => {
  // One person and one respondent: keyed by both, each case counted once per person.
  const byPersonAndMatter = groupBy(
    recent.flatMap((c) => [...new Set(c.applicantKeys)].map((person) => ({ person, c }))),
    ({ person, c }) => (c.respondentKey ? personAndMatterKey(person, c.respondentKey) : null),
  );
  const seen = new Set<string>();
  const warnings: Warning[] = [];
  for (const [key, group] of byPersonAndMatter) {
    if (group.length < threshold(s, 'yellow')) continue;
    const ids = group.map((g) => g.c.id).sort();
    // Several applicants repeating together raise one warning, not one each.
    if (seen.has(ids.join())) continue;
    seen.add(ids.join());
    const level = group.length >= threshold(s, 'red') || reReviewed.has(key) ? 'red' : 'yellow';
    warnings.push({ rule: 'repeat', key, level, subject: group[0]!.c.respondentName ?? '', caseIds: ids, people: 1 });
  }
  return warnings;
};

const escalation: Rule = (cases) =>
  cases.flatMap((c) => {
    const found = c.open ? escalationPhrases.filter((p) => c.text.includes(p)) : [];
    return found.length ? [{ rule: 'escalation', key: c.id, level: 'red', subject: found.join('、'), caseIds: [c.id], people: c.people } satisfies Warning] : [];
  });

const caseRules = { respondent_wave: respondentWave, group, repeat, escalation } as const;

/** Running clocks with few days left (yellow) or none (red), one warning per clock. */
export function clockWarnings(clocks: WarningClock[], now: Date, settings: WarningSettings = defaultWarningSettings): Warning[] {
  if (!settings.clock.enabled) return [];
  return clocks.flatMap((k) => {
    const left = daysLeft(k.dueAt, now);
    if (left > threshold(settings.clock, 'yellow')) return [];
    return [{ rule: 'clock', key: k.id, level: left < 0 ? 'red' : 'yellow', subject: '', caseIds: [k.caseId], people: 0, clock: { kind: k.kind, daysLeft: left } } satisfies Warning];
  });
}

/** A case of the last 9 weeks with its township, as the township rule counts it. */
export interface SpikeCase {
  id: string;
  category: string;
  townshipCode: string;
  townshipName: string;
  registeredAt: Date;
  people: number;
}

const dayMs = 86_400_000;
/** The spike's window and the weeks its baseline averages. */
export const spikeWindowDays = 7;
export const spikeBaselineWeeks = 8;

/**
 * Each category × township whose cases of the last 7 days reach max(floor, times × baseline),
 * the baseline being its weekly average over the 8 weeks before them (a township quiet until
 * now has a baseline of 0, so the floor alone decides).
 */
export function townshipSpikes(cases: SpikeCase[], now: Date, settings: WarningSettings = defaultWarningSettings): Warning[] {
  const s = settings.township_spike;
  if (!s.enabled) return [];
  const windowStart = now.getTime() - spikeWindowDays * dayMs;
  const baselineStart = windowStart - spikeBaselineWeeks * 7 * dayMs;
  const warnings: Warning[] = [];
  for (const [key, group] of groupBy(cases, (c) => `${c.category}\u0000${c.townshipCode}`)) {
    const at = (c: SpikeCase) => c.registeredAt.getTime();
    const recent = group.filter((c) => at(c) >= windowStart && at(c) <= now.getTime());
    const baseline = group.filter((c) => at(c) >= baselineStart && at(c) < windowStart).length / spikeBaselineWeeks;
    const reaches = (floor: ThresholdField, times: ThresholdField) => recent.length >= Math.max(threshold(s, floor), threshold(s, times) * baseline);
    if (!reaches('yellow', 'yellowTimes')) continue;
    warnings.push({
      rule: 'township_spike',
      key,
      level: reaches('red', 'redTimes') ? 'red' : 'yellow',
      subject: group[0]!.townshipName,
      caseIds: recent.map((c) => c.id),
      people: people(recent),
      spike: { category: group[0]!.category, recent: recent.length, baseline: Math.round(baseline * 10) / 10 },
    });
  }
  return warnings;
}

/** Every warning the rules switched on raise now, red first, the most people first. */
export function earlyWarnings(
  input: { cases: WarningCase[]; clocks?: WarningClock[]; spikes?: SpikeCase[]; reReviewed?: ReadonlySet<string> },
  now: Date,
  settings: WarningSettings = defaultWarningSettings,
): Warning[] {
  const recent = input.cases.filter((c) => now.getTime() - c.registeredAt.getTime() <= windowMs);
  const warnings = [
    ...Object.entries(caseRules).flatMap(([rule, run]) => (settings[rule as keyof typeof caseRules].enabled ? run(input.cases, recent, settings, { reReviewed: input.reReviewed ?? new Set() }) : [])),
    ...clockWarnings(input.clocks ?? [], now, settings),
    ...townshipSpikes(input.spikes ?? [], now, settings),
  ];
  return warnings.sort((a, b) => Number(b.level === 'red') - Number(a.level === 'red') || b.people - a.people);
}
