import type { findApiKey } from '@uplift/db';
import type { ExperimentScope } from '@uplift/services';
import type { Deps } from '../context';

export type ApiKeyRow = NonNullable<Awaited<ReturnType<typeof findApiKey>>>;

/** What every /v1 handler finds on `c.var`: the deps, and (after `apiKey(...)`) the caller's key. */
export interface RestEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    key: ApiKeyRow;
    /** Who acts, as the use cases and the audit log name an API key. */
    scope: ExperimentScope;
    /** A `text/csv` body, on routes that take one. */
    csv?: string;
  };
}
