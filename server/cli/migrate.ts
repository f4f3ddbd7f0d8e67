import { migrateDatabase } from '../../db/migrate';
import { openConfiguredDatabase } from './open';

const handle = await openConfiguredDatabase();
await migrateDatabase(handle);
console.log(`migrations applied (${handle.kind})`);
await handle.close();
