import { Center, Loader } from '@mantine/core';
import { type ReactNode, Suspense } from 'react';

/** Where a lazily loaded chart appears: a spinner of the chart's height until its chunk (recharts) arrives. */
export function ChartSlot({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center h={200}>
          <Loader size="sm" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}
