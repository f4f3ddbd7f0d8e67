import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/root';

type Outputs = inferRouterOutputs<AppRouter>['resolution'];
export type AgreementView = Outputs['agreements'][number];
export type PerformanceView = Outputs['performance'];
export type ConfirmationView = NonNullable<Outputs['confirmation']>;
export type ClosureView = NonNullable<Outputs['closure']>;
export type DocumentListing = Outputs['documents'][number];
export interface PartyOption {
  id: string;
  name: string;
  role: 'applicant' | 'respondent';
  claimedAmount: string | null;
}
