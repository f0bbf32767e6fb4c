import { Alert } from '@mantine/core';
import { formatCount } from '../../../lib/format';
import type { SplitResult } from './split-rows';

/** What a winner send's split did with the remainder: held back until the decision, or its file with the winner. */
export function WinnerSendSplitNote({
  result,
  winnerVariant,
  winnerReason,
}: {
  result: SplitResult;
  winnerVariant: string | null;
  winnerReason: string | null;
}) {
  if (!winnerVariant) {
    return (
      <Alert color="blue" variant="light" data-testid="split-waiting">
        {formatCount(result.waiting)} row{result.waiting === 1 ? ' is' : 's are'} the remainder: they wait for the
        decision. Split the list again once it is decided to get the remainder's file with the winner.
      </Alert>
    );
  }
  return (
    <Alert color="green" variant="light" data-testid="split-remainder">
      The remainder ({formatCount(result.files.find((f) => f.key === 'remainder')?.rows.length ?? 0)} rows) gets “
      {winnerVariant}”. {winnerReason}
    </Alert>
  );
}
