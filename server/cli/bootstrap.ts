// `npm run db:bootstrap -- --center "某某县社会治理综合服务中心" --region 330421 --parent 330400 --admin admin`
// A real site's first center and its administrator, with a generated password shown once.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { migrateDatabase } from '../../db/migrate';
import { categories } from '../domain/case-status';
import { isRegionCode } from '../domain/region';
import { hashPassword } from '../auth/password';
import { centerCategories, centers, users } from '../../db/schema';
import { openConfiguredDatabase } from './open';

const { values } = parseArgs({
  options: { center: { type: 'string' }, region: { type: 'string' }, parent: { type: 'string' }, admin: { type: 'string', default: 'admin' } },
});
if (!values.center || !values.region || !values.parent || !isRegionCode(values.region) || !isRegionCode(values.parent)) {
  console.error('Usage: npm run db:bootstrap -- --center <name> --region <6-digit GB/T 2260 code> --parent <6-digit code of the city> [--admin <username>]');
  process.exit(1);
}
const handle = await openConfiguredDatabase();
await migrateDatabase(handle);
const password = randomBytes(12).toString('base64url');
const passwordHash = await hashPassword(password);
await handle.db.transaction(async (tx) => {
  const [center] = await tx.insert(centers).values({ name: values.center!, regionCode: values.region!, parentRegionCode: values.parent! }).returning({ id: centers.id });
  await tx.insert(centerCategories).values(categories.map((code, i) => ({ centerId: center!.id, code, sortOrder: i })));
  await tx.insert(users).values({ role: 'admin', username: values.admin!, displayName: values.admin!, passwordHash, centerId: center!.id });
});
await handle.close();
console.log(`center "${values.center}" (${values.region}) created; administrator "${values.admin}", password (shown once, change it after signing in): ${password}`);
