/**
 * Server-paged lists: a page of rows with the number of rows in all. The count rides on each
 * row (`count(*) over ()`, computed before the limit), so a page and its total are one
 * statement; a page past the end has no row to carry it and is counted apart.
 */
import { sql } from 'drizzle-orm';

/** How many rows a list shows at a time unless it says otherwise. */
export const listPageSize = 20;

export interface PageRequest {
  page: number;
  pageSize: number;
}

/** Selected beside a page's columns: how many rows match in all. */
export const totalRows = () => sql<number>`count(*) over ()`;

export function offsetOf({ page, pageSize }: PageRequest) {
  return (page - 1) * pageSize;
}

/** A page as the lists return it: the rows, how many in all and how many pages (at least one). */
export async function pageOf<R extends { total: number | string }, T>(
  rows: readonly R[],
  request: PageRequest,
  countAll: () => Promise<number>,
  shape: (row: Omit<R, 'total'>) => T,
) {
  const total = rows.length ? Number(rows[0]!.total) : Number(await countAll());
  return {
    rows: rows.map(({ total: _total, ...row }) => shape(row)),
    total,
    page: request.page,
    pages: Math.max(1, Math.ceil(total / request.pageSize)),
  };
}

/** A list the caller has nothing in (a clerk of no center). */
export function emptyPage(request: PageRequest) {
  return { rows: [], total: 0, page: request.page, pages: 1 };
}
