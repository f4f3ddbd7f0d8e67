/** One JSON object per line, for whatever collects the logs. Never pass personal data here. */
export function logError(event: string, error: unknown, context: Record<string, unknown> = {}): void {
  const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
  console.error(JSON.stringify({ level: 'error', time: new Date().toISOString(), event, ...context, error: err }));
}
