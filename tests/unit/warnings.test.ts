import { describe, expect, it } from 'vitest';
import { earlyWarnings, type WarningCase } from '../../server/domain/warnings';

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

const rules = (cases: WarningCase[]) => earlyWarnings(cases, now).map((w) => [w.rule, w.level, w.caseIds.length]);

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

  it('words of escalation: red at once, ordinary words not', () => {
    expect(rules([kase({ text: '再不给钱就去跳楼' })])).toEqual([['escalation', 'red', 1]]);
    expect(earlyWarnings([kase({ text: '准备集体上访，还要拉横幅' })], now)[0]!.subject).toBe('集体上访、拉横幅');
    expect(rules([kase({ text: '炸鸡店拖欠工资，老板杀价' })])).toEqual([]);
  });
});
