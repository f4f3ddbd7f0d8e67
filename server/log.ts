/**
 * One JSON object per line, for whatever collects the logs. Error messages are never
 * written: drizzle puts every bound parameter into its message (phones, encrypted ID
 * numbers, their hashes) and PostgreSQL quotes offending values in its own. What is kept —
 * class, SQLSTATE, constraint, the kind and table of the statement, stack frames — says
 * where and why without saying about whom.
 */

export interface ErrorSummary {
  class: string;
  code?: string;
  constraint?: string;
  query?: string;
  frames?: string[];
  cause?: ErrorSummary;
}

/**
 * `insert into "case_parties" (…) values ($1, …)` → `insert case_parties`; an action written as
 * one statement of parts (`with a as (insert into "x" …), b as (update "y" …) select …`) →
 * `with insert x, update y`.
 */
export function queryName(query: string): string | undefined {
  if (/^\s*with\b/i.test(query)) {
    const parts = [...query.matchAll(/\bas\s*\(\s*(insert\s+into|update|delete\s+from)\s+"?([\w.]+)/gi)].map((m) => verbAndTable(m));
    return parts.length ? `with ${parts.join(', ')}` : undefined;
  }
  const match = /^\s*(insert\s+into|update|delete\s+from)\s+"?([\w.]+)/i.exec(query) ?? /^\s*(select)\b[\s\S]*?\bfrom\s+"?([\w.]+)/i.exec(query);
  return match ? verbAndTable(match) : undefined;
}

const verbAndTable = (match: RegExpMatchArray) => `${match[1]!.split(/\s+/)[0]!.toLowerCase()} ${match[2]}`;

const asText = (value: unknown) => (typeof value === 'string' && /^[\w.-]{1,80}$/.test(value) ? value : undefined);

export function summarizeError(error: unknown, depth = 0): ErrorSummary {
  if (!(error instanceof Error)) return { class: typeof error };
  const fields = error as Error & { code?: unknown; constraint?: unknown; constraint_name?: unknown; query?: unknown; cause?: unknown };
  const summary: ErrorSummary = { class: error.constructor.name || error.name };
  const code = asText(fields.code);
  const constraint = asText(fields.constraint ?? fields.constraint_name);
  const query = typeof fields.query === 'string' ? queryName(fields.query) : undefined;
  if (code) summary.code = code;
  if (constraint) summary.constraint = constraint;
  if (query) summary.query = query;
  // The first line of a stack is "Class: message"; only the frames below it are kept.
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line)).map((line) => line.trim());
  if (frames?.length) summary.frames = frames.slice(0, 12);
  if (fields.cause !== undefined && depth < 5) summary.cause = summarizeError(fields.cause, depth + 1);
  return summary;
}

/** `context` is for names (event, procedure path), never for input values. */
export function logError(event: string, error: unknown, context: Record<string, string | number | boolean> = {}): void {
  console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), event, ...context, error: summarizeError(error) }));
}

/** What is left of an error once logged: safe to rethrow to a framework that prints what it catches. */
export class LoggedError extends Error {
  constructor(readonly event: string) {
    super(`unexpected error, logged as ${event}`);
    this.name = 'LoggedError';
  }
}
