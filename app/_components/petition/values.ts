/** The petition form's values, as the inputs hold them (strings; '' for not given). */
export interface ApplicantValues {
  name: string;
  idNumber: string;
  phone: string;
  claimedAmount: string;
  isRepresentative: boolean;
}

export interface PetitionValues {
  centerId: string;
  category: string;
  title: string;
  description: string;
  request: string;
  amountInDispute: string;
  occurredOn: string;
  location: string;
  /** A township code of the center, '' for not known. */
  townshipCode: string;
  respondent: { kind: 'person' | 'organization'; name: string; creditCode: string; phone: string };
  applicants: ApplicantValues[];
  channel: string;
  inPerson: boolean;
  sourceAgency: string;
  /** Letters and transfers: the day the center received it (the acceptance clock starts there). */
  receivedOn: string;
}

export const emptyApplicant: ApplicantValues = { name: '', idNumber: '', phone: '', claimedAmount: '', isRepresentative: false };

export const isBlankApplicant = (a: ApplicantValues) => !a.name.trim() && !a.idNumber.trim() && !a.phone.trim() && !a.claimedAmount.trim();
