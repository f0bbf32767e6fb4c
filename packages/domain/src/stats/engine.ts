// The analysis engine without zod, for hot paths that load only what they run (the CLI's `analyze`): the
// same `analyze` as the package's root export, and a validator that agrees with ZAnalyzeRequest.
export { analyze } from './analyze';
export type { AnalyzeRequest } from './request';
export { isAnalyzeRequest } from './request-check';
export type * from './types';
