import { migrateDatabase } from '../../db/migrate';
import { settleCaseFacts } from '../services/case-facts';
import { openConfiguredDatabase } from './open';

const handle = await openConfiguredDatabase();
await migrateDatabase(handle);
await settleCaseFacts(handle.db);
console.log(`migrations applied (${handle.kind})`);
await handle.close();
