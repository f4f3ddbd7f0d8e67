import type { Database } from '../../db/client';
import { resolveCaseAccess, resolveSessionAndCaseAccess, type CaseAccess } from './policy';
import { resolveSessionUser, type SessionClaims, type SessionUser } from './session-user';

export interface SessionAndAccess {
  user: SessionUser | null;
  access: CaseAccess | null;
}

/**
 * The caller's session within one request. The user is re-checked against the database once
 * per request (revocation stays immediate: the next request checks again), lazily: a case
 * procedure that comes first folds the check into its relation query, one round trip for
 * both. The relation found by a read is remembered for the request's other reads of that
 * case (a case page asks a dozen procedures of one case, and the relation cannot change
 * between them); changes and live subscriptions resolve it afresh.
 */
export class RequestSession {
  private user: Promise<SessionUser | null> | undefined;
  private settled: SessionUser | null | undefined;
  private readonly reads = new Map<string, Promise<CaseAccess | null>>();

  constructor(
    private readonly db: Database,
    readonly claims: SessionClaims | null,
  ) {}

  /** The signed-in user, or null (no session, disabled account, or a revoked token). */
  currentUser(): Promise<SessionUser | null> {
    if (!this.user) this.user = this.remembered(resolveSessionUser(this.db, this.claims));
    return this.user;
  }

  /** The user if this request has already checked the session; undefined if it has not. */
  checkedUser(): SessionUser | null | undefined {
    return this.settled;
  }

  async caseAccess(caseId: string, fresh: boolean): Promise<SessionAndAccess> {
    if (!this.claims) return { user: null, access: null };
    if (!this.user) {
      const both = resolveSessionAndCaseAccess(this.db, this.claims, caseId);
      this.user = this.remembered(both.then((r) => r.user));
      if (!fresh) this.rememberRead(caseId, both.then((r) => r.access));
      return both;
    }
    const user = await this.user;
    if (!user) return { user, access: null };
    if (fresh) return { user, access: await resolveCaseAccess(this.db, user, caseId) };
    let access = this.reads.get(caseId);
    if (!access) access = this.rememberRead(caseId, resolveCaseAccess(this.db, user, caseId));
    return { user, access: await access };
  }

  // A failed look-up (the database away) is not remembered: the next call tries again.
  private remembered(user: Promise<SessionUser | null>) {
    user.then(
      (u) => (this.settled = u),
      () => (this.user = undefined),
    );
    return user;
  }

  private rememberRead(caseId: string, access: Promise<CaseAccess | null>) {
    this.reads.set(caseId, access);
    access.catch(() => this.reads.delete(caseId));
    return access;
  }
}
