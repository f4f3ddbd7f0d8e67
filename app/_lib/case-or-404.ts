import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';

/** A case read for a page: a malformed id and a case the caller may not see both read as "not found". */
export function caseOrNotFound<T>(read: Promise<T>): Promise<T> {
  return read.catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
}
