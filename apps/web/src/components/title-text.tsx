import { Anchor, Text, type TextProps } from '@mantine/core';
import { Link } from 'react-router';

interface Props extends Omit<TextProps, 'children' | 'title'> {
  children: string;
  /** Makes the title a link to this path. */
  to?: string;
  /** Lines shown before the ellipsis; the full title is the hover text (the title attribute). */
  lines?: number;
  'data-testid'?: string;
}

/**
 * A hypothesis', offer's or experiment's title wherever it appears: it wraps (a long unbroken word included,
 * see readable.css) and stops after `lines` lines with an ellipsis, so one title never widens a page or runs
 * over a table's columns; hovering shows all of it.
 */
export function TitleText({ children, to, lines = 2, ...props }: Props) {
  const shared = { lineClamp: lines, title: children, className: 'uplift-title', ...props };
  return to ? (
    <Anchor component={Link} to={to} {...shared}>
      {children}
    </Anchor>
  ) : (
    <Text {...shared}>{children}</Text>
  );
}
