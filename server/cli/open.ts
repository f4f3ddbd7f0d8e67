import { openDatabase } from '../../db/client';
import { dataDir, databaseUrl } from '../config';

/** The database the command-line scripts work on: the same one the app serves. */
export function openConfiguredDatabase() {
  return openDatabase({ url: databaseUrl(), dataDir: dataDir(), maxConnections: 2 });
}
