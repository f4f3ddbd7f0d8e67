/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const mobilePattern = /^1[3-9]\d{9}$/;

export function isMobile(phone: string): boolean {
  return mobilePattern.test(phone);
}

/** 13800001234 → 138****1234; shown to everyone who does not need the full number. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** How people write a mobile number ("138 0000 0001", "138-0000-0001", "+86 13800000001") reduced to its 11 digits. */
export function normalizeMobile(value: string): string {
  return value.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}
