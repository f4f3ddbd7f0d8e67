import { hasUnsafeText } from './text';

/** Failures at the owner's address before each further one makes them wait. */
export const freeFailures = 5;

/**
 * The wait after the n-th failure at the owner's address: none for the first four, then
 * 30 s doubling up to 15 minutes. The owner who mistypes gets back in soon; a guesser sharing
 * their address gets a handful of tries an hour.
 */
export function signInDelaySeconds(failures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(15 * 60, 30 * 2 ** (failures - freeFailures));
}

/** A name that could be an account: anything else is refused before it reaches a query or a limiter key. */
export function isPlausibleLogin(name: string): boolean {
  return name.length > 0 && name.length <= 64 && !hasUnsafeText(name);
}
