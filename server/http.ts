import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from './root';
import type { Context } from './trpc';

/** The raw tRPC endpoint; the Next route and the tests both go through it. */
export function handleTrpcRequest(req: Request, context: () => Promise<Context>): Promise<Response> {
  return fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: context });
}
