import { z } from 'zod';

export type SearchParams = Record<string, string | string[] | undefined>;

/** A repeated query parameter counts by its first value; an empty one as absent. */
export const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v) || undefined;

/**
 * The page of a server-paged list from the address bar. Anyone can type an address, so
 * anything but a sensible page number means the first page instead of a refusal.
 */
export const pageParam = z.preprocess(firstValue, z.coerce.number().int().min(1).max(10_000)).catch(1);

/** A list's address for one of its pages (the first has no parameter). */
export function pageHref(path: string, page: number, params = new URLSearchParams()) {
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
