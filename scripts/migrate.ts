/** `npm run db:migrate`: applies the committed migrations in db/migrations to DATABASE_PATH. */
import { openDatabase } from "@/db/client";
import { DEFAULT_DATABASE_PATH } from "@/lib/env";
import { loadEnvFiles } from "./load-env";

loadEnvFiles();
// Only the database path matters here, so a missing AUTH_SECRET does not block migrating.
const databasePath = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
try {
  openDatabase(databasePath).sqlite.close();
  console.log(`quorum: migrated ${databasePath}`);
} catch (error) {
  console.error(`quorum: migrating ${databasePath} failed:`, error);
  process.exit(1);
}
