import { seedDemo } from '../../db/seed';
import { openConfiguredDatabase } from './open';

const handle = await openConfiguredDatabase();
const seeded = await seedDemo(handle.db);
console.log(seeded ? 'demo data seeded' : 'database already has data; seed skipped');
await handle.close();
