import { adminRouter } from './routers/admin';
import { aftercareRouter } from './routers/aftercare';
import { authRouter } from './routers/auth';
import { caseRouter } from './routers/case';
import { clockRouter } from './routers/clock';
import { centerRouter } from './routers/center';
import { dashboardRouter } from './routers/dashboard';
import { supervisionRouter } from './routers/supervision';
import { evidenceRouter } from './routers/evidence';
import { inboxRouter } from './routers/inbox';
import { intakeRouter } from './routers/intake';
import { panelRouter } from './routers/panel';
import { ratingRouter } from './routers/rating';
import { petitionRouter } from './routers/petition';
import { resolutionRouter } from './routers/resolution';
import { verifyRouter } from './routers/verify';
import { systemRouter } from './routers/system';
import { trackingRouter } from './routers/tracking';
import { warningsRouter } from './routers/warnings';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  petition: petitionRouter,
  intake: intakeRouter,
  case: caseRouter,
  panel: panelRouter,
  inbox: inboxRouter,
  evidence: evidenceRouter,
  tracking: trackingRouter,
  resolution: resolutionRouter,
  rating: ratingRouter,
  aftercare: aftercareRouter,
  verify: verifyRouter,
  center: centerRouter,
  dashboard: dashboardRouter,
  warnings: warningsRouter,
  supervision: supervisionRouter,
  clock: clockRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
