import { describe, expect, it } from 'vitest';
import { breakdownKey, computeKpis, kpisBy, mondayOf, monthOf, monthPeriod, shiftMonth, trendPeriods, weekPeriod, type CaseFacts, type KpiId, type RatingFacts } from '../../server/domain/kpis';

// November 2026 in Shanghai time.
const period = { from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') };
const after = new Date('2026-12-05T00:00:00Z');
const at = (day: number, hour = 10) => Date.UTC(2026, 10, day, hour - 8);
/** A due date: the day's 24:00 in Shanghai. */
const endOf = (day: number) => Date.UTC(2026, 10, day, 16) - 1;

function facts(id: string, overrides: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id,
    category: 'labor_wages',
    track: 'labor_mediation',
    channel: 'online',
    people: 1,
    receivedAt: at(2),
    acceptanceDueAt: at(17),
    decidedAt: at(3),
    accepted: true,
    closedAt: null,
    handlingDueAt: at(28),
    outcome: null,
    terminationKind: null,
    agreementAt: null,
    writtenAgreementAt: null,
    confirmationAppliedAt: null,
    confirmationDecidedAt: null,
    confirmed: false,
    termsLastDueAt: null,
    performedByLastDue: false,
    registeredAt: at(2),
    repeatOfEarlier: false,
    repeatedAfterClosure: false,
    requiredVisits: 1,
    amountClaimed: null,
    amountRecovered: null,
    leadMember: null,
    leadOrganization: null,
    township: null,
    ...overrides,
  };
}

const figure = (report: ReturnType<typeof computeKpis>, id: KpiId) => report.figures.find((f) => f.id === id)!;

describe('KPIs over hand-computed fixtures', () => {
  it('gives no figure, not 0 % or 100 %, when a period has no cases', () => {
    const report = computeKpis([], [], period, after);
    for (const f of report.figures) expect(f.cases).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(report.daysToClose).toEqual({ median: null, p90: null });
  });

  it('counts a group case once in cases and per applicant in people', () => {
    const report = computeKpis(
      [facts('group', { people: 30, closedAt: at(20), outcome: 'resolved' }), facts('single', { closedAt: at(21), outcome: 'legal_route' })],
      [],
      period,
      after,
    );
    const resolution = figure(report, 'resolution_rate');
    expect(resolution.cases).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(resolution.people).toEqual({ numerator: 30, denominator: 31, rate: 30 / 31 });
    expect(resolution.ids).toEqual({ numerator: ['group'], denominator: ['group', 'single'] });
  });

  it('counts every case overdue when all closed after their due dates, an extension moving the due date', () => {
    const report = computeKpis(
      [
        facts('late-1', { closedAt: at(29), handlingDueAt: at(28) }),
        facts('late-2', { closedAt: at(25), handlingDueAt: at(24) }),
        // Extended by the director: due on the 30th, closed on the 29th.
        facts('extended', { closedAt: at(29), handlingDueAt: at(30) }),
      ],
      [],
      period,
      after,
    );
    expect(figure(report, 'on_time_closure').cases).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(figure(report, 'on_time_closure').ids.numerator).toEqual(['extended']);
  });

  it('judges acceptance by the (holiday-rolled) due date, and leaves out decisions not yet due', () => {
    const report = computeKpis(
      [
        // Rolled over a weekend to the 17th by the clock; decided late that evening, still in time.
        facts('on-time', { acceptanceDueAt: endOf(17), decidedAt: at(17, 23) }),
        facts('late', { acceptanceDueAt: at(10), decidedAt: at(11) }),
        facts('undecided-overdue', { acceptanceDueAt: at(12), decidedAt: null, accepted: false }),
        // Due after "now": not in the cohort yet.
        facts('undecided-not-due', { acceptanceDueAt: at(29), decidedAt: null, accepted: false }),
      ],
      [],
      period,
      new Date(at(20)),
    );
    expect(figure(report, 'on_time_acceptance').cases).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
  });

  it('counts a reopened case closed again by its last closure, once', () => {
    const report = computeKpis([facts('reopened', { decidedAt: at(3), closedAt: at(26), outcome: 'resolved', handlingDueAt: at(27) })], [], period, after);
    expect(figure(report, 'closure_rate').cases).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(figure(report, 'on_time_closure').cases.rate).toBe(1);
  });

  it('closure rate: cases accepted in the period and closed by the report date', () => {
    const report = computeKpis(
      [facts('closed', { closedAt: at(20) }), facts('open'), facts('accepted-in-october', { decidedAt: Date.parse('2026-10-20T02:00:00Z'), closedAt: at(5) }), facts('declined', { accepted: false })],
      [],
      period,
      after,
    );
    expect(figure(report, 'closure_rate').ids).toEqual({ numerator: ['closed'], denominator: ['closed', 'open'] });
  });

  it('mediation success: agreements over mediations ended; refusals before start apart', () => {
    const report = computeKpis(
      [
        facts('agreed', { agreementAt: at(10) }),
        facts('oral', { agreementAt: at(12) }),
        facts('failed', { closedAt: at(15), outcome: 'terminated', terminationKind: 'failed' }),
        facts('refused', { closedAt: at(6), outcome: 'terminated', terminationKind: 'refused' }),
      ],
      [],
      period,
      after,
    );
    expect(figure(report, 'mediation_success').cases).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(report.refusedBeforeStart).toBe(1);
  });

  it('最多跑一次: at most one required visit; median and 90th percentile days to close; money', () => {
    const report = computeKpis(
      [
        facts('a', { closedAt: at(12), requiredVisits: 0, amountClaimed: 1000, amountRecovered: 800 }),
        facts('b', { closedAt: at(22), requiredVisits: 2, amountClaimed: 500.5, amountRecovered: 0 }),
        facts('c', { closedAt: at(7), requiredVisits: 1 }),
      ],
      [],
      period,
      after,
    );
    expect(figure(report, 'at_most_one_visit').cases).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(report.daysToClose).toEqual({ median: 10, p90: 20 });
    expect(report.amounts).toEqual({ claimed: 1500.5, recovered: 800 });
  });

  it('satisfaction: the follow-up rating in place of the one it follows, upheld appeals left out', () => {
    const rating = (id: string, level: RatingFacts['level'], extra: Partial<RatingFacts> = {}): RatingFacts => ({
      id,
      caseId: `case-${id}`,
      level,
      createdAt: at(15),
      excluded: false,
      superseded: false,
      ...extra,
    });
    const report = computeKpis(
      [],
      [
        rating('1', 'very_satisfied'),
        rating('2', 'basically_satisfied'),
        rating('3', 'dissatisfied', { superseded: true }),
        rating('3b', 'satisfied'),
        rating('4', 'very_dissatisfied', { excluded: true }),
        rating('5', 'dissatisfied'),
        rating('old', 'dissatisfied', { createdAt: Date.parse('2026-10-15T00:00:00Z') }),
      ],
      period,
      after,
    );
    expect(figure(report, 'satisfaction').cases).toEqual({ numerator: 3, denominator: 4, rate: 0.75 });
    expect(figure(report, 'satisfaction').people).toBeNull();
  });

  it('judicial confirmation: written agreements sent to the court, and the court’s decisions that confirmed', () => {
    const report = computeKpis(
      [
        facts('applied', { agreementAt: at(3), writtenAgreementAt: at(3), confirmationAppliedAt: at(10), confirmationDecidedAt: at(20), confirmed: true }),
        facts('not-applied', { agreementAt: at(5), writtenAgreementAt: at(5) }),
        // An oral agreement cannot be confirmed: not in the cohort.
        facts('oral', { agreementAt: at(6) }),
        facts('rejected', { confirmationDecidedAt: at(22), confirmed: false }),
      ],
      [],
      period,
      after,
    );
    expect(figure(report, 'confirmation_application').cases).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(figure(report, 'confirmation_rate').ids).toEqual({ numerator: ['applied'], denominator: ['applied', 'rejected'] });
  });

  it('履行率: agreements whose last term fell due by the report date, performed in full by then', () => {
    const report = computeKpis(
      [
        facts('paid', { termsLastDueAt: endOf(10), performedByLastDue: true }),
        facts('short', { termsLastDueAt: endOf(12), performedByLastDue: false }),
        // Falls due after "now": not counted yet.
        facts('later', { termsLastDueAt: endOf(28), performedByLastDue: false }),
      ],
      [],
      period,
      new Date(at(20)),
    );
    expect(figure(report, 'performance_rate').ids).toEqual({ numerator: ['paid'], denominator: ['paid', 'short'] });
  });

  it('一次性化解率 over cases whose 90 days after closure ended in the month; 重复信访率 over the month’s submissions', () => {
    const closedAugust = (day: number) => Date.UTC(2026, 7, day, 2);
    const report = computeKpis(
      [
        // Closed 90 days before a day of November: in the cohort.
        facts('held', { registeredAt: closedAugust(1), closedAt: closedAugust(10) }),
        facts('came-back', { registeredAt: closedAugust(1), closedAt: closedAugust(12), repeatedAfterClosure: true }),
        // Itself a repeat: not a first-time case.
        facts('repeat-closed', { closedAt: closedAugust(14), repeatOfEarlier: true, registeredAt: closedAugust(1) }),
        // Its 90 days end in December: not yet.
        facts('recent', { closedAt: at(5) }),
        // Submitted this month (with 'recent'), one of them a repeat.
        facts('new-1'),
        facts('new-2', { repeatOfEarlier: true }),
      ],
      [],
      period,
      after,
    );
    expect(figure(report, 'first_time_resolution').ids).toEqual({ numerator: ['held'], denominator: ['held', 'came-back'] });
    expect(figure(report, 'repeat_rate').cases).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
  });

  it('steps owed by a date: on time, late, not yet due, and done at any time for follow-up visits', () => {
    const step = (caseId: string, due: number, done: number | null) => ({ caseId, dueAt: Date.UTC(2026, 10, due, 16) - 1, doneAt: done });
    const report = computeKpis([], [], period, new Date(at(20)), {
      callbacks: [step('a', 10, at(10, 9)), step('b', 12, at(13)), step('c', 18, null), step('d', 25, null)],
      rectifications: [step('a', 15, null)],
      followUps: [step('e', 5, at(9)), step('f', 8, null)],
    });
    // b was late, c is overdue and open; d is not due yet.
    expect(figure(report, 'callback_on_time').cases).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(figure(report, 'callback_on_time').ids).toEqual({ numerator: ['a'], denominator: ['a', 'b', 'c'] });
    expect(figure(report, 'rectification_on_time').cases).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    // A visit made late still counts as made.
    expect(figure(report, 'follow_up_done').cases).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });

  it('breaks the same figures down by a grouping, the largest groups first', () => {
    const rows = kpisBy((c) => c.category, [facts('w1', { closedAt: at(9), outcome: 'resolved' }), facts('w2'), facts('n1', { category: 'neighbours' })], [], period, after);
    expect(rows.map((r) => [r.value, r.cases, figure(r.report, 'resolution_rate').cases.rate])).toEqual([
      ['labor_wages', 2, 1],
      ['neighbours', 1, null],
    ]);
  });

  it('counts a panel member’s cases as those they lead, and the cases without a panel apart', () => {
    const cases = [
      facts('a', { leadMember: '李建国', leadOrganization: '县人民调解委员会', closedAt: at(9), outcome: 'resolved' }),
      facts('b', { leadMember: '李建国', leadOrganization: '县人民调解委员会' }),
      facts('c', { leadMember: '王律师', leadOrganization: null, closedAt: at(10), outcome: 'terminated' }),
      facts('d'),
    ];
    const byMember = kpisBy(breakdownKey('panel_member'), cases, [], period, after);
    const rows = byMember.map((r) => [r.value, r.cases, figure(r.report, 'closure_rate').cases.rate]);
    expect(rows[0]).toEqual(['李建国', 2, 0.5]);
    expect(rows.slice(1)).toEqual(expect.arrayContaining([['王律师', 1, 1], ['none', 1, 0]]));
    expect(rows).toHaveLength(3);
    const byOrganization = kpisBy(breakdownKey('organization'), cases, [], period, after);
    expect(byOrganization.map((r) => [r.value, r.cases])).toEqual(expect.arrayContaining([['县人民调解委员会', 2], ['none', 2]]));
    expect(byOrganization).toHaveLength(2);
  });

  it('breaks down by township, by its name, the cases without one (registered before it was asked) apart', () => {
    const cases = [
      facts('a', { township: '西塘镇', closedAt: at(9), outcome: 'resolved' }),
      facts('b', { township: '西塘镇' }),
      facts('c', { township: '魏塘街道' }),
      facts('d'),
    ];
    expect(breakdownKey('township')(cases[0]!)).toBe('西塘镇');
    expect(breakdownKey('township')(cases[3]!)).toBe('none');
    const rows = kpisBy(breakdownKey('township'), cases, [], period, after).map((r) => [r.value, r.cases, figure(r.report, 'resolution_rate').cases.rate]);
    expect(rows[0]).toEqual(['西塘镇', 2, 1]);
    expect(rows.slice(1)).toEqual(expect.arrayContaining([['魏塘街道', 1, null], ['none', 1, null]]));
    expect(rows).toHaveLength(3);
  });
});

describe('months where the center is', () => {
  it('spans Shanghai midnights, December into January too', () => {
    expect(monthPeriod('2026-11')).toEqual(period);
    expect(monthPeriod('2026-12')).toEqual({ from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
    expect(monthOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect([shiftMonth('2026-12', 1), shiftMonth('2026-01', -1), shiftMonth('2026-11', -11)]).toEqual(['2027-01', '2025-12', '2025-12']);
  });
});

describe('trend periods', () => {
  it('runs weeks Monday to Monday, Shanghai time, the thirteenth holding the month’s last day', () => {
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // a Sunday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(weekPeriod('2026-11-23')).toEqual({ from: new Date('2026-11-22T16:00:00Z'), to: new Date('2026-11-29T16:00:00Z') });
    const weeks = trendPeriods('2026-11', 'week');
    expect(weeks).toHaveLength(13);
    expect(weeks.at(-1)!.name).toBe('2026-11-30'); // Monday 30 November holds the 30th
    expect(weeks[0]!.name).toBe('2026-09-07');
    // Back to back, no gaps.
    expect(weeks.slice(1).every((w, i) => w.period.from.getTime() === weeks[i]!.period.to.getTime())).toBe(true);
  });

  it('runs twelve months up to the chosen one', () => {
    const months = trendPeriods('2026-02', 'month');
    expect(months.map((m) => m.name)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(months.at(-1)!.period).toEqual(monthPeriod('2026-02'));
  });
});
