import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { rungName } from '../../../lib/ladder-words';
import { draftAtRung } from '../offer-summary';
import { StartExperimentButton } from '../start-experiment-button';
import type { OfferJourney } from '../types';
import { JourneyExperiment } from './journey-experiment';
import { LocationTest } from './location-test';
import { PromotionEntry } from './promotion-entry';

interface Props {
  offer: OfferJourney;
  ladder: string[];
}

/** The offer's way up the ladder, rung by rung: each experiment, then each step proposed from it. */
export function Journey({ offer, ladder }: Props) {
  const used = new Set([...offer.experiments.map((e) => e.channel), offer.rung]);
  // Rungs in the workspace's order; a rung it has since removed still shows where the offer went through it.
  const rungs = [...ladder, ...[...used].filter((r) => !ladder.includes(r))];
  const current = rungs.indexOf(offer.rung);
  const draft = draftAtRung(offer);
  return (
    <Timeline active={current} bulletSize={22} lineWidth={2} data-testid="journey">
      {rungs.map((rung, i) => {
        const experiments = offer.experiments.filter((e) => e.channel === rung);
        const steps = offer.promotions.filter((p) => p.fromRung === rung);
        const here = rung === offer.rung;
        return (
          <Timeline.Item
            key={rung}
            bullet={<Text size="xs">{i + 1}</Text>}
            title={
              <Group gap="xs">
                <Text fw={600}>{rungName(rung)}</Text>
                {here && (
                  <Badge size="sm" data-testid="journey-current">
                    Current rung
                  </Badge>
                )}
                {!ladder.includes(rung) && (
                  <Badge size="sm" color="gray" variant="outline">
                    No longer on the ladder
                  </Badge>
                )}
              </Group>
            }
            data-testid="journey-rung"
            data-rung={rung}
          >
            <Stack gap="sm" mt={6} mb="md">
              {experiments.length === 0 && steps.length === 0 && (
                <Text size="sm" c="dimmed">
                  {i < current ? 'Skipped.' : here ? 'No experiment here yet.' : 'Not reached yet.'}
                </Text>
              )}
              {experiments.map((e) => (
                <Stack key={e.key} gap="xs">
                  <JourneyExperiment experiment={e} />
                  {e.channel === 'OFFLINE' && <LocationTest experimentKey={e.key} status={e.status} />}
                </Stack>
              ))}
              {here && draft && offer.state === 'READY' && <StartExperimentButton experiment={draft} w="fit-content" />}
              {steps.map((p) => (
                <PromotionEntry key={p.id} promotion={p} />
              ))}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
