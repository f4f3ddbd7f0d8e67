import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/root';

type Outputs = inferRouterOutputs<AppRouter>['rating'];
export type RatingView = Outputs['list'][number];
export type RatingChoices = Outputs['choices'];
