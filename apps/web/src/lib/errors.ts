import { TRPCClientError } from '@trpc/client';

export interface FieldError {
  field: string;
  message: string;
}

/** The api's errorFormatter puts zod and domain field errors in `data.fieldErrors`. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const list = (error.data as { fieldErrors?: FieldError[] } | undefined)?.fieldErrors ?? [];
  const byField: Record<string, string> = {};
  for (const { field, message } of list) {
    // Updates nest the fields under `patch.`; the form knows them by their bare names.
    const key = field.replace(/^patch\./, '');
    byField[key] ??= message;
  }
  return byField;
}

export function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  return (error.data as { httpStatus?: number } | undefined)?.httpStatus;
}

/** A sentence for the user; network failures get one that says what to try. */
export function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    if (!error.data && /fetch|network/i.test(error.message)) return 'Cannot reach the server. Check your connection.';
    return error.message;
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
