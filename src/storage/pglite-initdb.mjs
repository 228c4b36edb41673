// Child-process body for pglite-database.ts: creates a new embedded database in the directory
// given as the first argument, closes it and exits. PGlite runs initdb in a second WebAssembly
// instance; in the bot's own process that memory would stay for good (several hundred MB), in a
// child it leaves with the process. Exit code 0 when created; errors go to standard error.
import { PGlite } from '@electric-sql/pglite';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: pglite-initdb.mjs <data directory>');
  process.exit(2);
}
const db = await PGlite.create({ dataDir });
await db.close();
