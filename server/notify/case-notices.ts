import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { caseParties, cases, notifications, users } from '../../db/schema';
import { renderEvent, renderNotice, type Audience, type NoticePurpose } from '../domain/event-render';
import { defaultLocale } from '../i18n/locales';
import { renderTools } from '../i18n/render-tools';
import type { Actor } from '../services/context';
import { smsSender } from './sms';

interface Recipients {
  applicants?: boolean;
  parties?: string[];
  users?: string[];
  purpose?: NoticePurpose;
}

/**
 * The people's notices of one case event, in the event's transaction: an inbox entry that
 * points at the event (rendered for its reader in their language when read) and a text
 * message to each phone. Text messages go out in Chinese: the phone is all we know of the person.
 */
export async function sendCaseNotices(
  tx: Database,
  actor: Actor,
  target: { centerId: string; caseId: string },
  event: { id: string; kind: string; payload: Record<string, unknown> },
  recipients: Recipients,
): Promise<void> {
  const self = actor.kind === 'user' ? actor.user.id : null;
  const purpose = recipients.purpose ?? 'event';
  const staffIds = [...new Set(recipients.users ?? [])].filter((id) => id !== self);
  const [applicants, staff, [kase]] = await Promise.all([
    recipients.applicants || recipients.parties?.length
      ? tx
          .select({ userId: caseParties.userId, phone: caseParties.phone })
          .from(caseParties)
          .where(
            and(
              eq(caseParties.caseId, target.caseId),
              recipients.applicants ? eq(caseParties.role, 'applicant') : inArray(caseParties.id, recipients.parties!),
            ),
          )
      : Promise.resolve([]),
    staffIds.length
      ? tx.select({ id: users.id, phone: users.phone }).from(users).where(and(inArray(users.id, staffIds), eq(users.status, 'active')))
      : Promise.resolve([]),
    tx.select({ caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, target.caseId)),
  ]);

  const inbox = new Set([...applicants.flatMap((a) => (a.userId && a.userId !== self ? [a.userId] : [])), ...staff.map((s) => s.id)]);
  if (inbox.size) {
    await tx.insert(notifications).values([...inbox].map((userId) => ({ userId, centerId: target.centerId, caseId: target.caseId, kind: purpose, eventId: event.id })));
  }

  const tools = renderTools(defaultLocale);
  const actorName = actor.kind === 'user' ? actor.user.displayName : tools.t('events.system');
  const text = (audience: Audience) => {
    const rendered = renderEvent({ kind: event.kind, payload: event.payload, actorName, actorSystem: actor.kind === 'system' ? actor.name : null }, audience, tools);
    return tools.t('notices.sms', { text: renderNotice(purpose, kase?.caseNumber ?? '', rendered, actorName, tools.t) });
  };
  const applicantPhones = new Set(applicants.flatMap((a) => (a.phone && a.userId !== self ? [a.phone] : [])));
  if (applicantPhones.size) {
    const body = text('parties');
    for (const phone of applicantPhones) await smsSender().send(tx, { phone, body });
  }
  const staffPhones = new Set(staff.flatMap((s) => (s.phone ? [s.phone] : [])));
  if (staffPhones.size) {
    const body = text('staff');
    for (const phone of staffPhones) await smsSender().send(tx, { phone, body });
  }
}
