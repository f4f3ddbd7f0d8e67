import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { clockPolicies, holidays } from '../../db/schema';
import type { SessionUser } from '../auth/session-user';
import { localDateOf, yearOf, type CalendarDayKind } from '../domain/calendar';
import { defaultClockPolicies, type ClockUnit } from '../domain/tracks';
import { writeAudit } from './audit';
import { forgetCalendar, loadCalendar } from './clocks';
import { actingUser, type ServiceContext } from './context';
import { notFound, ServiceError } from './errors';

/** One year of the official calendar, as the admin edits it. */
export async function listHolidays(db: Database, year: number) {
  return db
    .select()
    .from(holidays)
    .where(and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)))
    .orderBy(asc(holidays.date));
}

/**
 * Which years the clocks can count: this year and next, each confirmed (from the State
 * Council's notice), provisional (the law's fixed days only) or missing; the admin is
 * warned about anything but confirmed.
 */
export async function calendarCoverage(db: Database, now = new Date()) {
  const calendar = await loadCalendar(db);
  const year = yearOf(localDateOf(now));
  return [year, year + 1].map((y) => ({ year: y, coverage: calendar.coverage(y) }));
}

/** Adds or corrects one day of the calendar (a holiday or an adjusted workday), from the year's notice. */
export async function setHoliday(ctx: ServiceContext, input: { date: string; kind: CalendarDayKind; name: string; source: string }) {
  const admin = actingUser(ctx);
  await ctx.db.transaction(async (tx) => {
    const row = { kind: input.kind, name: input.name, source: input.source, provisional: false };
    await tx.insert(holidays).values({ date: input.date, ...row }).onConflictDoUpdate({ target: holidays.date, set: row });
    await writeAudit(tx, { actor: ctx.actor, centerId: admin.centerId, action: 'calendar.set', entityType: 'holiday', data: { ...input } });
  });
  forgetCalendar();
  return { date: input.date };
}

export async function removeHoliday(ctx: ServiceContext, input: { date: string }) {
  const admin = actingUser(ctx);
  await ctx.db.transaction(async (tx) => {
    const removed = await tx.delete(holidays).where(eq(holidays.date, input.date)).returning({ date: holidays.date });
    if (removed.length === 0) throw notFound();
    await writeAudit(tx, { actor: ctx.actor, centerId: admin.centerId, action: 'calendar.remove', entityType: 'holiday', data: { ...input } });
  });
  forgetCalendar();
  return { date: input.date };
}

/** Each clock of the admin's center: the statutory default and the center's own length, if any. */
export async function listClockPolicies(db: Database, admin: SessionUser) {
  if (!admin.centerId) return [];
  const overrides = await db.select().from(clockPolicies).where(eq(clockPolicies.centerId, admin.centerId));
  return defaultClockPolicies().map(({ key, rule }) => {
    const own = overrides.find((o) => o.key === key);
    return { key, defaultDays: rule.days, defaultUnit: rule.unit, source: rule.source, days: own?.days ?? null, unit: own?.unit ?? null };
  });
}

/** Sets the center's own length of a clock (or, with `days` null, goes back to the statutory default). New clocks use it. */
export async function setClockPolicy(ctx: ServiceContext, input: { key: string; days: number | null; unit: ClockUnit }) {
  const admin = actingUser(ctx);
  const centerId = admin.centerId;
  if (!centerId) throw notFound();
  if (!defaultClockPolicies().some((p) => p.key === input.key)) throw new ServiceError('invalid', 'validation.invalidChoice', { field: 'key' });
  await ctx.db.transaction(async (tx) => {
    if (input.days === null) {
      await tx.delete(clockPolicies).where(and(eq(clockPolicies.centerId, centerId), eq(clockPolicies.key, input.key)));
    } else {
      await tx
        .insert(clockPolicies)
        .values({ centerId, key: input.key, days: input.days, unit: input.unit })
        .onConflictDoUpdate({ target: [clockPolicies.centerId, clockPolicies.key], set: { days: input.days, unit: input.unit } });
    }
    await writeAudit(tx, { actor: ctx.actor, centerId, action: 'clock_policy.set', entityType: 'center', entityId: centerId, data: { ...input } });
  });
  return { key: input.key };
}
