import { Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { ChannelControl } from '../../components/channel-control';
import { sentence } from '../../lib/format';
import type { FieldsProps } from './form-values';

/** Key, name, channel and the optional segment attribute. */
export function SetupFields({ values, errors, set }: FieldsProps) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Experiment</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Key"
            description="Used by the API, the CLI and your email tool; cannot change later"
            required
            value={values.key}
            onChange={(e) => set('key', e.currentTarget.value)}
            error={sentence(errors.key)}
            data-testid="field-key"
          />
          <TextInput
            label="Name"
            description="Defaults to the hypothesis title"
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={sentence(errors.name)}
            data-testid="field-name"
          />
        </SimpleGrid>
        <ChannelControl value={values.channel} onChange={(channel) => set('channel', channel)} error={errors.channel} />
        <TextInput
          label="Segment attribute (optional)"
          description='Break results down by this unit attribute, sent with each exposure (e.g. "country")'
          value={values.segmentAttribute}
          onChange={(e) => set('segmentAttribute', e.currentTarget.value)}
          error={sentence(errors.segmentAttribute)}
          data-testid="field-segmentAttribute"
        />
      </Stack>
    </Paper>
  );
}
