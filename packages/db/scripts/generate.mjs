// `prisma generate` refuses to start without the native schema engine, which cannot be downloaded on our
// machines; generate never calls it, so any existing executable satisfies the check (see toolchain notes).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const result = spawnSync('npx', ['prisma', 'generate', '--schema', 'prisma/schema.prisma'], {
  cwd,
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
