export const sessionStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const sessionOutcomes = ['agreement', 'partial_agreement', 'no_agreement', 'adjourned'] as const;
export type SessionOutcome = (typeof sessionOutcomes)[number];
