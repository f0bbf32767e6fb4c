// Small helpers for the root scripts (npm start's banner, npm test's cleanup); prepare.ts migrates on import.
export { dropDatabase } from '@uplift/db';
export { DEMO_PASSWORD, DEMO_USERS } from '@uplift/db/seed';
