import { DEFAULT_DATABASE_URL } from './client';
import { applyMigrations, ensureDatabase } from './migrate';

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
if (await ensureDatabase(url)) console.log(`created database ${new URL(url).pathname.slice(1)}`);
const ran = await applyMigrations(url);
console.log(ran.length ? `applied ${ran.join(', ')}` : 'database is up to date');
