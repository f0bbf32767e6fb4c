import { Paper, type PaperProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** One row of a list shown as cards on a phone: full width, a rule between rows. */
export function ListCard({
  children,
  ...props
}: PaperProps & { children: ReactNode; [data: `data-${string}`]: unknown }) {
  return (
    <Paper p="sm" radius={0} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} {...props}>
      {children}
    </Paper>
  );
}
