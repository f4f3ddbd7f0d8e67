import type { Database } from '../../db/client';
import type { SessionUser } from '../auth/session-user';

/**
 * Who acts: a signed-in person, or the system itself (deadline sweeps today; callbacks from a
 * court or a rating platform later). Services take this context, so scheduled and external
 * work goes through the same verbs and the audit row says who or what acted.
 */
// `rater`: a rating is written without the rater's name on the timeline (only the director handling it learns who).
export const systemActors = ['deadline_sweep', 'retention_sweep', 'operator', 'rater'] as const;
export type SystemActor = (typeof systemActors)[number];

export type Actor = { kind: 'user'; user: SessionUser } | { kind: 'system'; name: SystemActor };

export interface ServiceContext {
  db: Database;
  actor: Actor;
  /** The current time; tests inject their own clock instead of sleeping. */
  now(): Date;
}

export function userContext(db: Database, user: SessionUser, now: () => Date = () => new Date()): ServiceContext {
  return { db, actor: { kind: 'user', user }, now };
}

export function systemContext(db: Database, name: SystemActor, now: () => Date = () => new Date()): ServiceContext {
  return { db, actor: { kind: 'system', name }, now };
}

/** The person acting, for actions only a person can take; the system never reaches them. */
export function actingUser(ctx: ServiceContext): SessionUser {
  if (ctx.actor.kind !== 'user') throw new Error(`${ctx.actor.name} cannot take this action`);
  return ctx.actor.user;
}

/** The columns that record the actor on a timeline or audit row. */
export function actorColumns(actor: Actor): { actorId: string | null; actorSystem: string | null } {
  return actor.kind === 'user' ? { actorId: actor.user.id, actorSystem: null } : { actorId: null, actorSystem: actor.name };
}
