import { describe, expect, it } from 'vitest';
import { defaultWarningSettings, type CenterWarningRule, type RuleSetting, type WarningSettings } from '../../server/domain/warning-settings';
import { earlyWarnings, personAndMatterKey, type WarningCase, type WarningClock } from '../../server/domain/warnings';

const now = new Date('2026-11-27T02:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
let n = 0;

function kase(overrides: Partial<WarningCase> = {}): WarningCase {
  n++;
  return {
    id: `case-${n}`,
    category: 'neighbours',
    registeredAt: daysAgo(1),
    open: true,
    people: 1,
    respondentKey: `respondent-${n}`,
    respondentName: `被申请人${n}`,
    applicantKeys: [`person-${n}`],
    text: '邻居装修噪音影响休息',
    ...overrides,
  };
}

const rules = (cases: WarningCase[], settings?: WarningSettings) => earlyWarnings({ cases }, now, settings).map((w) => [w.rule, w.level, w.caseIds.length]);
/** The defaults with one rule changed. */
const tuned = (rule: CenterWarningRule, setting: Partial<RuleSetting['thresholds']>, enabled = true): WarningSettings => ({
  ...defaultWarningSettings,
  [rule]: { enabled, thresholds: { ...defaultWarningSettings[rule].thresholds, ...setting } },
});

describe('early warnings, each rule at and just under its threshold', () => {
  it('one respondent: 2 cases in 30 days nothing, 3 yellow, 5 red, 30 people red', () => {
    const of = (count: number, extra: Partial<WarningCase> = {}) => Array.from({ length: count }, () => kase({ respondentKey: 'acme', respondentName: '某建筑公司', ...extra }));
    expect(rules(of(2))).toEqual([]);
    expect(rules(of(3))).toEqual([['respondent_wave', 'yellow', 3]]);
    expect(rules(of(5))).toEqual([['respondent_wave', 'red', 5]]);
    expect(rules(of(3, { people: 10 }))).toEqual(expect.arrayContaining([['respondent_wave', 'red', 3]]));
    // Outside the 30 days it no longer counts.
    expect(rules([...of(2), kase({ respondentKey: 'acme', registeredAt: daysAgo(31) })])).toEqual([]);
  });

  it('a group: 4 applicants nothing, 5 yellow; in a wage case 9 nothing, 10 yellow; closed cases not', () => {
    expect(rules([kase({ people: 4 })])).toEqual([]);
    expect(rules([kase({ people: 5 })])).toEqual([['group', 'yellow', 1]]);
    expect(rules([kase({ people: 9, category: 'labor_wages' })])).toEqual([]);
    expect(rules([kase({ people: 10, category: 'labor_wages' })])).toEqual([['group', 'yellow', 1]]);
    expect(rules([kase({ people: 12, open: false })])).toEqual([]);
  });

  it('the same person and matter: once nothing, twice yellow, three times red; a group repeating raises one', () => {
    const again = (extra: Partial<WarningCase> = {}) => kase({ respondentKey: 'landlord', respondentName: '房东', applicantKeys: ['wang'], ...extra });
    expect(rules([again()])).toEqual([]);
    expect(rules([again(), again()])).toEqual([['repeat', 'yellow', 2]]);
    expect(rules([again(), again(), again()])).toEqual(expect.arrayContaining([['repeat', 'red', 3]]));
    expect(rules([again({ applicantKeys: ['wang', 'li'] }), again({ applicantKeys: ['wang', 'li'] })])).toEqual([['repeat', 'yellow', 2]]);
  });

  it('the same person and matter after 复核: red at the second time already; another matter of theirs stays yellow', () => {
    const again = (respondentKey = 'landlord') => kase({ respondentKey, respondentName: '房东', applicantKeys: ['wang'] });
    const reReviewed = new Set([personAndMatterKey('wang', 'landlord')]);
    const levels = (cases: WarningCase[]) => earlyWarnings({ cases, reReviewed }, now).map((w) => [w.rule, w.level, w.caseIds.length]);
    expect(levels([again()])).toEqual([]);
    expect(levels([again(), again()])).toEqual([['repeat', 'red', 2]]);
    expect(levels([again('employer'), again('employer')])).toEqual([['repeat', 'yellow', 2]]);
  });

  it('words of escalation: red at once, ordinary words not', () => {
    expect(rules([kase({ text: '再不给钱就去跳楼' })])).toEqual([['escalation', 'red', 1]]);
    expect(earlyWarnings({ cases: [kase({ text: '准备集体上访，还要拉横幅' })] }, now)[0]!.subject).toBe('集体上访、拉横幅');
    expect(rules([kase({ text: '炸鸡店拖欠工资，老板杀价' })])).toEqual([]);
  });
});

describe('early warnings with a center’s own thresholds, at and just under each', () => {
  const against = (count: number, extra: Partial<WarningCase> = {}) => Array.from({ length: count }, () => kase({ respondentKey: 'acme', respondentName: '某建筑公司', ...extra }));

  it('one respondent: yellow at 4 and red at 6 cases or 12 people when the center says so', () => {
    const settings = tuned('respondent_wave', { yellow: 4, red: 6, redPeople: 12 });
    expect(rules(against(3), settings)).toEqual([]);
    expect(rules(against(4), settings)).toEqual([['respondent_wave', 'yellow', 4]]);
    expect(rules(against(5), settings)).toEqual([['respondent_wave', 'yellow', 5]]);
    expect(rules(against(6), settings)).toEqual([['respondent_wave', 'red', 6]]);
    expect(rules(against(4, { people: 2 }), settings)).toEqual(expect.arrayContaining([['respondent_wave', 'yellow', 4]]));
    expect(rules(against(4, { people: 3 }), settings)).toEqual(expect.arrayContaining([['respondent_wave', 'red', 4]]));
  });

  it('a group: 8 applicants, 20 in a wage case', () => {
    const settings = tuned('group', { yellow: 8, yellowLabor: 20 });
    expect(rules([kase({ people: 7 })], settings)).toEqual([]);
    expect(rules([kase({ people: 8 })], settings)).toEqual([['group', 'yellow', 1]]);
    expect(rules([kase({ people: 19, category: 'labor_wages' })], settings)).toEqual([]);
    expect(rules([kase({ people: 20, category: 'labor_wages' })], settings)).toEqual([['group', 'yellow', 1]]);
  });

  it('the same person and matter: yellow the third time, red the fourth', () => {
    const settings = tuned('repeat', { yellow: 3, red: 4 });
    const again = () => kase({ respondentKey: 'landlord', respondentName: '房东', applicantKeys: ['wang'] });
    expect(rules([again(), again()], settings)).toEqual([]);
    expect(rules([again(), again(), again()], settings)).toEqual(expect.arrayContaining([['repeat', 'yellow', 3]]));
    expect(rules([again(), again(), again(), again()], settings)).toEqual(expect.arrayContaining([['repeat', 'red', 4]]));
  });

  it('a rule switched off raises nothing, the others still do', () => {
    const off = tuned('escalation', {}, false);
    expect(rules([kase({ text: '再不给钱就去跳楼', people: 5 })], off)).toEqual([['group', 'yellow', 1]]);
  });
});

describe('the clock rule', () => {
  // Due at the end of a local day (Asia/Shanghai), as the clocks are.
  const dueIn = (days: number): WarningClock => ({ id: `clock-${days}`, caseId: `case-of-clock-${days}`, kind: 'handling', dueAt: new Date(now.getTime() + days * 86_400_000) });
  const clocks = (list: WarningClock[], settings?: WarningSettings) => earlyWarnings({ cases: [], clocks: list }, now, settings).map((w) => [w.rule, w.level, w.clock!.daysLeft]);

  it('yellow with 3 days left or fewer, red once overdue, nothing at 4', () => {
    expect(clocks([dueIn(4)])).toEqual([]);
    expect(clocks([dueIn(3)])).toEqual([['clock', 'yellow', 3]]);
    expect(clocks([dueIn(0)])).toEqual([['clock', 'yellow', 0]]);
    expect(clocks([dueIn(-1)])).toEqual([['clock', 'red', -1]]);
  });

  it('with the center’s own number of days: 5 left is yellow, 6 nothing; 0 means only the due day', () => {
    expect(clocks([dueIn(6)], tuned('clock', { yellow: 5 }))).toEqual([]);
    expect(clocks([dueIn(5)], tuned('clock', { yellow: 5 }))).toEqual([['clock', 'yellow', 5]]);
    expect(clocks([dueIn(1), dueIn(0)], tuned('clock', { yellow: 0 }))).toEqual([['clock', 'yellow', 0]]);
    expect(clocks([dueIn(-2)], tuned('clock', {}, false))).toEqual([]);
  });
});
