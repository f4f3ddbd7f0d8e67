import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { appDatabase } from '../db';
import { secrets } from '../secrets';
import { authenticate } from '../services/authenticate';
import { ServiceError } from '../services/errors';
import { endSession } from '../services/users';
import { isDatabaseUnavailable, logUnavailable } from '../db-unavailable';
import { logError } from '../log';
import { clientIp } from './request-meta';

/**
 * One credentials provider for staff (username) and petitioners (phone). The JWT carries the
 * user id and session version; every request re-checks both against the database
 * (resolveSessionUser), which is what makes sessions revocable.
 */
export function authOptions(): AuthOptions {
  return {
    secret: secrets().authSecret,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'credentials',
        credentials: { username: { type: 'text' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const { db } = await appDatabase();
          try {
            const user = await authenticate(db, {
              username: credentials?.username ?? '',
              password: credentials?.password ?? '',
              ip: clientIp(req.headers ?? {}),
            });
            return { id: user.userId, name: user.displayName, role: user.role, centerId: user.centerId, sessionVersion: user.sessionVersion };
          } catch (error) {
            // next-auth hands this message to the sign-in page (which translates the key) and
            // prints it: only a key, with the wait in seconds after a colon when rate limited.
            if (error instanceof ServiceError) {
              const seconds = error.options.values?.seconds;
              throw new Error(seconds ? `${error.messageKey}:${seconds}` : error.messageKey);
            }
            // The database away is not a wrong password: the form says to try again shortly.
            if (isDatabaseUnavailable(error)) {
              logUnavailable('auth.db_unavailable', error);
              throw new Error('errors.unavailable');
            }
            logError('auth.signIn', error);
            throw new Error('auth.invalidCredentials');
          }
        },
      }),
    ],
    // Signing out ends the session on the server too: a copied cookie stops working.
    events: {
      async signOut({ token }) {
        if (typeof token?.uid !== 'string' || typeof token.sv !== 'number') return;
        const { db } = await appDatabase();
        await endSession(db, { userId: token.uid, sessionVersion: token.sv });
      },
    },
    // next-auth's own logger prints error messages and metadata; ours keeps class and code only.
    logger: {
      error: (code, metadata) => logError(`next-auth.${code}`, metadata instanceof Error ? metadata : (metadata as { error?: unknown })?.error),
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as { id: string; role: string; centerId: string | null; sessionVersion: number };
          token.uid = signedIn.id;
          token.role = signedIn.role;
          token.sv = signedIn.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { name: session.user?.name, role: token.role } };
      },
    },
  };
}
