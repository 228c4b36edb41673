/**
 * Child-process body for pglite-database.ts: creates a new embedded database in the directory
 * given as the first argument, applies the migrations, closes it and exits. PGlite runs initdb in
 * a second WebAssembly instance, and WebAssembly memory never shrinks: in the bot's own process
 * initdb would stay for good (several hundred MB), and so would the growth from creating the
 * schema; in a child both leave with the process. Exit code 0 when created; errors go to standard
 * error. Run with `node --import tsx` (pglite-database.ts does).
 */

import { PGlite } from '@electric-sql/pglite';
import { migrate } from './migrate.ts';
import { PgliteDatabase } from './pglite-database.ts';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: pglite-create.ts <data directory>');
  process.exit(2);
}
const db = PgliteDatabase.wrap(await PGlite.create({ dataDir }));
try {
  await migrate(db);
} finally {
  await db.close();
}
