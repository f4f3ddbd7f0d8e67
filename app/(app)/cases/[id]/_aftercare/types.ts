import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/root';

type Outputs = inferRouterOutputs<AppRouter>['aftercare'];
export type FollowUpView = Outputs['followUps'][number];
export type ReviewView = Outputs['reviews'][number];
