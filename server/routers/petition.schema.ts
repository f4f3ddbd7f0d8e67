import { z } from 'zod';
import { channels, maxRepresentatives, partyKinds } from '../domain/case-status';
import { amountField, creditCodeField, dateField, idNumberField, mobileField, nameField, optional } from './fields';

export const applicantInput = z.object({
  name: nameField,
  idNumber: optional(idNumberField),
  phone: optional(mobileField),
  claimedAmount: optional(amountField),
  isRepresentative: z.boolean().default(false),
});

export const respondentInput = z.object({
  kind: z.enum(partyKinds),
  name: z.string().trim().min(1).max(100),
  creditCode: optional(creditCodeField),
  phone: optional(mobileField),
});

/** What the petitioner's form and the clerk's form both send. */
export const petitionInput = z.object({
  // An unchosen center arrives as '': say what to do, not that a UUID is malformed.
  centerId: z.uuid({ error: 'validation.center' }),
  category: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().min(1).max(5000),
  request: z.string().trim().min(1).max(2000),
  amountInDispute: optional(amountField),
  occurredOn: optional(dateField),
  location: optional(z.string().trim().max(200)),
  /** 乡级区划代码 of one of the center's townships; absent when the person does not know it. */
  townshipCode: optional(z.string().trim().regex(/^\d{9}$/, { error: 'validation.township' })),
  respondent: respondentInput,
  applicants: z
    .array(applicantInput)
    .min(1)
    .max(500)
    .refine((list) => list.filter((a) => a.isRepresentative).length <= maxRepresentatives, {
      error: 'validation.tooManyRepresentatives',
    }),
  evidenceIds: z.array(z.uuid()).max(30).default([]),
  /** Generated once per form: a retried or double-clicked submission registers one case. */
  idempotencyKey: z.string().min(8).max(100),
});

export const clerkPetitionInput = petitionInput.extend({
  channel: z.enum(channels).exclude(['online']),
  /** The person is at the window now: counts as one in-person visit. */
  inPerson: z.boolean().default(false),
  /** For transfers: the agency that sent the matter. */
  sourceAgency: optional(z.string().trim().max(100)),
  /** For letters and transfers: the day the center received it (the acceptance clock starts there). */
  receivedOn: optional(dateField),
});

/** Enough of a petition to look for duplicates before submitting. */
export const precheckInput = z.object({
  centerId: z.uuid(),
  title: optional(z.string().trim().max(100)),
  description: optional(z.string().trim().max(5000)),
  respondent: optional(respondentInput.pick({ name: true, creditCode: true })),
});
