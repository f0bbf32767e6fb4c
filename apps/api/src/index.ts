// Types for the web client; runtime code stays in the api.
export type { AppRouter, RouterInputs, RouterOutputs } from './router';
