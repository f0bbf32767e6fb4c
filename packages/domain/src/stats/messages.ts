/** A schema's wording for a value of the wrong type; a missing one "is required", as across the workspace. */
export const expected = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message),
});
