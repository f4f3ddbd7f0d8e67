import { describe, expect, it } from 'vitest';
import { caseEventSchemas, eventKinds, eventMeta, type EventKind, type EventPayload } from '../../server/domain/case-events';
import { renderEvent, renderNotice, type Audience } from '../../server/domain/event-render';
import { locales } from '../../server/i18n/locales';
import { renderTools } from '../../server/i18n/render-tools';

const id = '00000000-0000-4000-8000-000000000001';
const at = '2025-10-09T06:30:00.000Z';
const member = { memberId: id, memberName: '李建国', memberRole: 'mediator' as const };

/** One payload of every kind of event (the type makes a new kind without a sample fail to compile). */
const samples: { [K in EventKind]: EventPayload<K> } = {
  registered: { channel: 'letter', applicants: 3, evidence: 1, sourceAgency: '县信访局', receivedAt: at, registeredFor: '张建军' },
  repeat_petition: { title: '再次反映工资问题' },
  accepted: { track: 'labor_mediation' },
  declined: { reason: '已进入诉讼程序', destination: '县人民法院' },
  transferred: { destination: '县劳动人事争议仲裁委员会' },
  merged_into: { caseNumber: '330421-2025-000001' },
  merged_in: { caseNumber: '330421-2025-000002', applicants: 1, evidence: 2 },
  linked: { caseNumber: '330421-2025-000003' },
  visit: { note: '补交材料' },
  evidence_added: { fileId: id, fileName: '工资条.png' },
  note: { text: '请核实工资表', mentions: [{ id, name: '刘洋' }], attachments: [{ id, fileName: '工资表.xlsx' }] },
  panel_member_added: { ...member, isLead: true },
  panel_member_removed: member,
  panel_lead_changed: member,
  mediation_started: { members: 3 },
  details_updated: { fields: ['title', 'amountInDispute'], before: { title: '旧' }, after: { title: '新' } },
  session_scheduled: { sessionId: id, startsAt: at, endsAt: at, room: '第一调解室', onlineLink: null },
  session_rescheduled: { sessionId: id, startsAt: at, endsAt: at, room: null, onlineLink: 'https://10.0.0.1/m', previousStartsAt: at },
  session_cancelled: { sessionId: id, startsAt: at, reason: '申请人住院' },
  session_held: { sessionId: id, outcome: 'agreement' },
  session_minutes: { sessionId: id, text: '双方同意分期支付' },
  checklist_provided: { label: '考勤记录' },
  checklist_updated: { label: '考勤记录', assigneeName: '刘洋', dueOn: '2025-10-20' },
  track_changed: { from: 'people_mediation', to: 'petition', reason: '涉及行政机关' },
  clock_extended: { clock: 'handling', days: 30, reason: '需调取外地证据', previousDueAt: at, dueAt: at, consent: { parties: ['王大海'], method: '当场签字' } },
  clock_paused: { clock: 'handling', reason: 'appraisal', note: '伤残鉴定' },
  clock_resumed: { clock: 'handling', dueAt: at },
  clock_reminder: { clock: 'acceptance', threshold: 'three_days', dueAt: at },
  applicants_added: { count: 27, total: 30 },
  agreement_drafted: { agreementId: id, number: '330421-2025-000001-X1', supplement: false },
  agreement_updated: { agreementId: id, terms: 30, total: '200000.00' },
  agreement_marked: { agreementId: id, mark: 'party', partyName: '王大海', method: 'phone_code' },
  agreement_effective: { agreementId: id, number: '330421-2025-000001-X1', oral: false, effectiveAt: at },
  mediation_terminated: { kind: 'ended_by_party', reason: '被申请人拒绝继续调解' },
  confirmation_applied: { court: '嘉善县人民法院', agreementNumber: '330421-2025-000001-X1' },
  confirmation_accepted: { court: '嘉善县人民法院' },
  confirmation_decided: { confirmed: true, reason: null, enforcementUntil: '2027-11-30' },
  confirmation_window_closed: { agreementNumber: '330421-2025-000001-X1' },
  payment_recorded: { term: '支付王大海工资', obligee: '王大海', amount: '7000.00', paidOn: '2025-10-20', outstanding: '0.00' },
  act_performed: { term: '赔礼道歉' },
  term_due_soon: { term: '支付王大海工资', obligee: '王大海', dueOn: '2025-10-20', outstanding: '7000.00' },
  term_missed: { term: '支付王大海工资', obligee: '王大海', dueOn: '2025-10-20', outstanding: '3000.00' },
  document_generated: { documentId: id, document: 'payment_order_application', hash: 'ab'.repeat(32), partyName: '王大海' },
  document_served: { document: 'mediation_agreement', partyName: '王大海', method: 'in_person' },
  case_closed: { outcome: 'resolved', amountClaimed: '210000.00', amountRecovered: '203000.00' },
  petition_replied: { decision: 'explained', reviewBy: '2025-11-20' },
  assigned_out: { destination: '县住建局', reportDueOn: '2025-11-10' },
  report_received: { destination: '县住建局' },
  rated: { ratingId: '00000000-0000-4000-8000-000000000001', scope: 'case', level: 'dissatisfied', followUp: false },
  rating_called_back: { ratingId: '00000000-0000-4000-8000-000000000001' },
  rating_verified: { ratingId: '00000000-0000-4000-8000-000000000001', verification: 'substantiated' },
  rectification_reported: { ratingId: '00000000-0000-4000-8000-000000000001', verification: 'substantiated' },
  rating_appeal_decided: { ratingId: '00000000-0000-4000-8000-000000000001', upheld: true },
  supervision_ordered: { orderId: '00000000-0000-4000-8000-000000000002', instruction: '请于本周内约谈用人单位', dueOn: '2025-12-01' },
  supervision_answered: { orderId: '00000000-0000-4000-8000-000000000002', response: '已约谈，公司承诺月底前支付' },
  follow_ups_planned: { dates: ['2025-11-07', '2025-11-17'] },
  follow_up_recorded: { reason: 'after_last_term', method: 'phone', honoured: 'partly', newDispute: true, measures: '约双方再次到中心调解' },
  case_reopened: { reason: '用人单位仍拖欠一人工资' },
  not_accepted_again: { earlierCaseNumber: '330421-2025-000017' },
  review_requested: { level: 'review', body: '嘉兴市信访局', answerDueOn: '2025-12-20' },
  review_decided: { level: 'review', decision: 'upheld', note: '维持原处理意见' },
};

// A catalog key that reached a person: `events.x`, `clock.kind.y`, an unfilled `{placeholder}`.
const rawKey = /\b[a-z][A-Za-z]+\.[a-z][A-Za-z_.]*\b|[{}]/;
const audiences: Audience[] = ['staff', 'parties', 'public'];

describe('every event kind renders for every audience and language', () => {
  it('has a valid sample for each kind', () => {
    for (const kind of eventKinds) expect(caseEventSchemas[kind].safeParse(samples[kind]).success).toBe(true);
  });

  for (const locale of locales) {
    for (const audience of audiences) {
      it(`${audience} · ${locale}: no raw key anywhere`, () => {
        const tools = renderTools(locale);
        for (const kind of eventKinds) {
          const rendered = renderEvent({ kind, payload: samples[kind], actorName: '王敏', actorSystem: null }, audience, tools);
          if (audience === 'public' && !eventMeta[kind].public) {
            expect(rendered, kind).toBeNull();
            continue;
          }
          expect(rendered, kind).not.toBeNull();
          for (const text of [rendered!.title, ...rendered!.details]) {
            expect(text, `${kind}: ${text}`).not.toMatch(rawKey);
            expect(text.length, kind).toBeGreaterThan(0);
          }
          for (const purpose of ['event', 'mention', 'assignment'] as const) {
            expect(renderNotice(purpose, '330421-2025-000001', rendered, '王敏', tools.t)).not.toMatch(rawKey);
          }
        }
      });
    }
  }

  it('names nobody on the public page, and says the system acted when it did', () => {
    const tools = renderTools('zh-CN');
    for (const kind of eventKinds.filter((k) => eventMeta[k].public)) {
      const rendered = renderEvent({ kind, payload: samples[kind], actorName: '王敏', actorSystem: null }, 'public', tools)!;
      expect(JSON.stringify(rendered), kind).not.toMatch(/王敏|张建军|王大海|李建国|刘洋/);
    }
    const reminder = renderEvent({ kind: 'clock_reminder', payload: samples.clock_reminder, actorName: null, actorSystem: 'deadline_sweep' }, 'staff', tools)!;
    expect(reminder.title).toBe('受理期限将于 2025年10月9日 14:30 到期');
  });

  it('says who registered a petition for whom, and when a letter arrived', () => {
    const rendered = renderEvent({ kind: 'registered', payload: samples.registered, actorName: '王敏', actorSystem: null }, 'parties', renderTools('zh-CN'))!;
    expect(rendered.title).toBe('王敏 为 张建军 登记了申请（来信）');
    expect(rendered.details).toContain('收到日期：2025年10月9日');
  });

  it('still reads as something that happened for an entry of an older shape', () => {
    const rendered = renderEvent({ kind: 'note', payload: { text: 'x', mentions: ['id'] }, actorName: '王敏', actorSystem: null }, 'staff', renderTools('zh-CN'));
    expect(rendered!.title).toBe('案件记录已更新');
  });
});
