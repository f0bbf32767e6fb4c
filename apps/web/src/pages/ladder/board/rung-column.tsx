import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { humanize } from '../../../lib/format';
import { rungName } from '../../../lib/ladder-words';
import type { BoardOffer } from '../types';
import { OfferCard } from './offer-card';

interface Props {
  rung: string;
  /** 1-based place on the ladder; null for a rung the workspace no longer uses. */
  step: number | null;
  /** How an offer gets onto this rung, in a few words (from the rung's policy). */
  rule: string | null;
  offers: BoardOffer[];
}

export function RungColumn({ rung, step, rule, offers }: Props) {
  return (
    <Paper
      withBorder
      p="sm"
      bg="gray.0"
      flex={{ base: 'none', sm: '1 1 0' }}
      miw={260}
      data-testid="ladder-column"
      data-rung={rung}
    >
      <Stack gap="sm">
        <Stack gap={2}>
          <Group justify="space-between" wrap="nowrap">
            <Title order={4}>
              {step ? `${step}. ` : ''}
              {step ? rungName(rung) : `${humanize(rung)} (not on the ladder)`}
            </Title>
            <Badge variant="default" data-testid="ladder-column-count">
              {offers.length}
            </Badge>
          </Group>
          {rule && (
            <Text size="xs" c="dimmed">
              {rule}
            </Text>
          )}
        </Stack>
        {offers.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="md">
            No offer here yet.
          </Text>
        ) : (
          offers.map((offer) => <OfferCard key={offer.id} offer={offer} />)
        )}
      </Stack>
    </Paper>
  );
}
