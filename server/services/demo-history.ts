import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, like } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { agreementTerms, caseParties, centers, referralDestinations, smsOutbox, townships, users } from '../../db/schema';
import { resolveCaseAccess } from '../auth/policy';
import { resolveSessionUser, type SessionUser } from '../auth/session-user';
import { addDays, localDateOf, startOfLocalDay } from '../domain/calendar';
import type { Category } from '../domain/case-status';
import type { RatingLevel } from '../domain/ratings';
import { recordOralAgreement } from './agreements';
import { closeCase, terminateMediation } from './closure';
import { userContext } from './context';
import { decideAcceptance } from './intake-decisions';
import { recordPayment } from './performance';
import { assignPanel } from './panel';
import { submitRatingByLink } from './ratings';
import { registerPetition } from './register-petition';

/**
 * A year of history for the demo center, so a newcomer signing in as the director sees real
 * figures, trends and warnings instead of zeros. Every case goes through the services a real
 * one does — registered at the window, accepted or declined, staffed, settled, ended, rated
 * through its SMS link — each step with its own date (the services' clock is injected), so
 * the clocks, events, audit trail and figures are what a year of use would leave. Seeded
 * randomness: the same history every time.
 */
export async function writeDemoHistory(db: Database, options: { months?: number; perMonth?: number; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const months = options.months ?? 12;
  const perMonth = options.perMonth ?? 12;
  const random = seeded(20261127);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const [center] = await db.select({ id: centers.id }).from(centers).where(eq(centers.regionCode, '330421'));
  if (!center) return { cases: 0 };
  const staff = async (login: string) => {
    const [row] = await db.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.username, login));
    return (await resolveSessionUser(db, { userId: row!.id, sessionVersion: row!.sessionVersion }))!;
  };
  const [clerk, director, mediator] = [await staff('clerk'), await staff('director'), await staff('mediator')];
  const [destination] = await db.select({ id: referralDestinations.id }).from(referralDestinations).where(eq(referralDestinations.centerId, center.id)).limit(1);
  // Townships come from a stream of their own, so the rest of the history stays what it was.
  // The town centers (the first two listed) see more disputes than the rest.
  const townshipOf = seeded(330421);
  const towns = (await db.select({ code: townships.code }).from(townships).where(eq(townships.centerId, center.id)).orderBy(asc(townships.position))).map((t) => t.code);
  const pickTownship = () => (towns.length ? towns[Math.floor(townshipOf() ** 1.6 * towns.length)] : undefined);
  const at = (user: SessionUser, when: Date) => userContext(db, user, () => when);
  const caseAccess = async (user: SessionUser, caseId: string) => (await resolveCaseAccess(db, user, caseId))!;
  const version = async (caseId: string) => (await db.query.cases.findFirst({ where: (c, { eq: is }) => is(c.id, caseId), columns: { version: true } }))!.version;

  // An oral agreement to pay, paid the same day: the money shows as claimed and recovered.
  const settleAtOnce = async (caseId: string, when: Date, lead: Awaited<ReturnType<typeof caseAccess>>, amount: number) => {
    const parties = await db.select({ id: caseParties.id, role: caseParties.role }).from(caseParties).where(eq(caseParties.caseId, caseId)).orderBy(asc(caseParties.position));
    const obligor = parties.find((p) => p.role === 'respondent')!;
    const obligee = parties.find((p) => p.role === 'applicant')!;
    const day = localDateOf(when);
    const { agreementId } = await recordOralAgreement(at(mediator, when), lead, {
      content: '双方当场达成一致，被申请人当日支付。',
      terms: [{ kind: 'payment', obligorPartyId: obligor.id, obligeePartyId: obligee.id, description: '当场支付', amount: String(amount), dueOn: day, place: null, guarantor: null, onDefault: null }],
      expectedVersion: await version(caseId),
    });
    const [term] = await db.select({ id: agreementTerms.id }).from(agreementTerms).where(eq(agreementTerms.agreementId, agreementId));
    await recordPayment(at(mediator, when), await caseAccess(mediator, caseId), { termId: term!.id, amount: String(amount), paidOn: day, idempotencyKey: randomUUID() });
  };

  let written = 0;
  for (let m = months; m >= 1; m--) {
    const monthStart = localDateOf(new Date(now.getTime() - m * 30.4 * 86_400_000)).slice(0, 8) + '01';
    for (let i = 0; i < perMonth; i++) {
      const registered = new Date(startOfLocalDay(addDays(monthStart, Math.floor(random() * 27))).getTime() + (9 + random() * 7) * 3600_000);
      if (registered > now) continue;
      const category = pick(historyCategories);
      const respondent = pick(respondents[category] ?? respondents.other!);
      const workers = category === 'labor_wages' && random() < 0.3 ? 3 + Math.floor(random() * 10) : 1;
      const serial = `${months - m}${String(i).padStart(2, '0')}`;
      const created = await registerPetition(
        at(clerk, registered),
        {
          centerId: center.id,
          category,
          title: `${respondent}${titles[category] ?? titles.other}`,
          amountInDispute: category === 'labor_wages' ? String(2000 * workers * (1 + Math.floor(random() * 10))) : undefined,
          description: `${respondent}${titles[category] ?? titles.other}，当事人多次协商未果，来中心申请调解。`,
          request: requests[category] ?? requests.other!,
          townshipCode: pickTownship(),
          respondent: { kind: 'organization', name: respondent },
          applicants: Array.from({ length: workers }, (_, w) => ({
            name: `${pick(surnames)}${pick(givenNames)}`,
            phone: `139${String(7_000_000 + Number(serial) * 20 + w).padStart(8, '0')}`,
            isRepresentative: w === 0,
          })),
          evidenceIds: [],
          idempotencyKey: `demo-history-${serial}`,
        },
        { channel: pick(['walk_in', 'walk_in', 'walk_in', 'hotline', 'letter'] as const), inPerson: true },
      );
      if (created.kind !== 'registered') continue;
      written++;
      const caseId = created.id;
      const decided = new Date(registered.getTime() + (0.2 + random() * (random() < 0.9 ? 8 : 20)) * 86_400_000);
      if (decided > now) continue;
      if (random() < 0.08 && destination) {
        await decideAcceptance(at(clerk, decided), await caseAccess(clerk, caseId), { decision: 'decline', reason: '不属于本中心受理范围', destinationId: destination.id, expectedVersion: 1 });
        continue;
      }
      await decideAcceptance(at(director, decided), await caseAccess(director, caseId), { decision: 'accept', expectedVersion: 1 });
      await assignPanel(at(director, decided), await caseAccess(director, caseId), { members: [{ userId: mediator.id, isLead: true }], expectedVersion: 2 });
      const ended = new Date(decided.getTime() + (2 + random() * 40) * 86_400_000);
      if (ended > now) continue;
      const outcome = random();
      const lead = await caseAccess(mediator, caseId);
      if (outcome < 0.15) {
        await terminateMediation(at(mediator, ended), lead, { kind: 'failed', reason: '双方分歧较大，调解不成', expectedVersion: await version(caseId) });
      } else {
        if (outcome < 0.8) await settleAtOnce(caseId, ended, lead, 1000 * (1 + Math.floor(random() * 30)));
        const result = outcome < 0.8 ? 'resolved' : outcome < 0.92 ? 'partly_resolved' : 'legal_route';
        await closeCase(at(director, ended), await caseAccess(director, caseId), { outcome: result, expectedVersion: await version(caseId) });
      }
      // About half the applicants rate the case from the link texted at closure.
      if (random() < 0.5) {
        const [sms] = await db
          .select({ body: smsOutbox.body })
          .from(smsOutbox)
          .where(and(like(smsOutbox.body, `%${created.caseNumber}%`), like(smsOutbox.body, '%/rate#%')))
          .orderBy(desc(smsOutbox.createdAt))
          .limit(1);
        const token = sms?.body.match(/\/rate#([A-Za-z0-9_-]{32})/)?.[1];
        const ratedAt = new Date(ended.getTime() + random() * 3 * 86_400_000);
        if (token && ratedAt <= now) {
          // Each rater from their own phone (and address).
          await submitRatingByLink(db, token, { scope: 'case', level: pick(ratingMix), tags: [] }, `198.51.100.${written % 250}`, () => ratedAt);
        }
      }
    }
  }
  return { cases: written };
}

const historyCategories: readonly Category[] = ['labor_wages', 'labor_wages', 'labor_wages', 'neighbours', 'marriage_family', 'property_management', 'consumer', 'traffic', 'contract_debt', 'other'];
const respondents: Partial<Record<Category, readonly string[]>> = {
  labor_wages: ['嘉善县鲜海海鲜店', '浙江恒达建设有限公司', '嘉善县宏发木业有限公司', '嘉兴市鑫源劳务有限公司', '嘉善县美家装饰工程部'],
  neighbours: ['楼上住户', '隔壁邻居', '对门住户'],
  marriage_family: ['配偶', '子女', '兄弟'],
  property_management: ['嘉善县锦绣物业服务有限公司', '嘉善县安居物业管理有限公司'],
  consumer: ['嘉善县百联超市', '某健身会所', '某汽车维修店'],
  traffic: ['肇事车主', '某运输公司'],
  contract_debt: ['某装修公司', '借款人'],
  other: ['某村民委员会', '某商户'],
};
const titles: Partial<Record<Category, string>> = {
  labor_wages: '拖欠工资',
  neighbours: '噪音与漏水纠纷',
  marriage_family: '赡养与财产纠纷',
  property_management: '物业费纠纷',
  consumer: '消费退款纠纷',
  traffic: '交通事故赔偿纠纷',
  contract_debt: '合同欠款纠纷',
  other: '民间纠纷',
};
const requests: Partial<Record<Category, string>> = { labor_wages: '支付拖欠工资', other: '协商解决纠纷' };
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '沈', '朱'];
const givenNames = ['建国', '海燕', '志强', '秀英', '伟', '芳', '军', '丽', '明', '静', '国平', '红梅'];
const ratingMix: readonly RatingLevel[] = ['very_satisfied', 'very_satisfied', 'very_satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'basically_satisfied', 'dissatisfied'];

/** A small seeded generator (mulberry32): the same demo every time. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
