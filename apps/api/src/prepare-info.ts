// Small helpers for the root scripts (npm start's banner, npm test's cleanup); prepare.ts migrates on import.
export { DEMO_PASSWORD, DEMO_USERS, dropDatabase } from '@uplift/db';
