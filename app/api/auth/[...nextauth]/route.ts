import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';
import { requestLocale } from '@/server/auth/request-meta';
import { crossOriginRefusal, isCrossOrigin } from '@/server/origin';
import { cookies } from 'next/headers';

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Options are built per request: the secret may be generated on first start (embedded mode).
const handler: Handler = async (req, ctx) => {
  if (isCrossOrigin(req)) return crossOriginRefusal(requestLocale(await cookies()));
  return (NextAuth(authOptions()) as Handler)(req, ctx);
};

export { handler as GET, handler as POST };
