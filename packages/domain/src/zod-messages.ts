import { z } from 'zod';

// One wording for every app: a missing field says "is required" instead of zod's type-level message.
z.config({
  customError: (issue) => (issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : undefined),
});
