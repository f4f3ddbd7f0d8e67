import { z } from 'zod';
import { centerWarningRules, thresholdFields, warningOwnerRoles } from '../domain/warning-settings';
import { acknowledgeWarning, ownedWarnings } from '../services/early-warnings';
import { openRegionWarning, regionWarningList } from '../services/region-warnings';
import { setWarningRule, warningSettingsView } from '../services/warning-settings';
import { roleProcedure, router } from '../trpc';

const ref = z.string().regex(/^[0-9a-f]{64}$/);
// Whole and not negative here; the rule's own floor and red ≥ yellow are the domain's.
const thresholdValue = z.number({ error: 'warnings.wholeNumber' }).int({ error: 'warnings.wholeNumber' }).min(0, { error: 'warnings.negative' }).max(10_000);

/** Early warnings beyond the dashboard's list: the rules' settings, 签收, and the region's warnings. */
export const warningsRouter = router({
  /** The director's settings panel. */
  settings: roleProcedure('director').query(({ ctx }) => warningSettingsView(ctx.db, ctx.user)),
  setRule: roleProcedure('director')
    .input(
      z.object({
        rule: z.enum(centerWarningRules),
        enabled: z.boolean(),
        thresholds: z.partialRecord(z.enum(thresholdFields), thresholdValue),
        ownerId: z.uuid().nullable(),
      }),
    )
    .mutation(({ ctx, input }) => setWarningRule(ctx.svc, input)),
  /** The warnings a staff member answers for (a director: all of the center's). */
  mine: roleProcedure(...warningOwnerRoles).query(({ ctx }) => ownedWarnings(ctx.db, ctx.user, new Date())),
  /** 签收 at the level the person saw. */
  acknowledge: roleProcedure(...warningOwnerRoles)
    .input(z.object({ ref, level: z.enum(['yellow', 'red']) }))
    .mutation(({ ctx, input }) => acknowledgeWarning(ctx.svc, input)),
  /** The supervisor's region: respondents with open cases in several centers, counted. */
  region: roleProcedure('supervisor').query(({ ctx }) => regionWarningList(ctx.db, ctx.user)),
  /** The cases behind one region warning: an audited access, hence a mutation. */
  openRegion: roleProcedure('supervisor')
    .input(z.object({ ref }))
    .mutation(({ ctx, input }) => openRegionWarning(ctx.svc, input)),
});
