// `node scripts/install.mjs` (CI): installs the locked dependencies without touching tracked files
// (see installDependencies in ./lib/prepare.mjs).
import { installDependencies } from './lib/prepare.mjs';

installDependencies();
