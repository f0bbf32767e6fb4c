import { Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { ChannelControl } from '../../components/channel-control';
import { humanize, sentence } from '../../lib/format';
import type { FieldsProps } from './form-values';

interface Props extends FieldsProps {
  /** A saved draft: its key, hypothesis and channel were settled when it was created and only show here. */
  fixed?: { hypothesisTitle: string };
}

/** Key, name, channel and the optional segment attribute. */
export function SetupFields({ values, errors, set, fixed }: Props) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={4}>Experiment</Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Key"
            description="Used by the API, the CLI and your email tool; cannot change later"
            required={!fixed}
            readOnly={Boolean(fixed)}
            variant={fixed ? 'filled' : 'default'}
            value={values.key}
            onChange={(e) => set('key', e.currentTarget.value)}
            error={sentence(errors.key)}
            data-testid="field-key"
          />
          <TextInput
            label="Name"
            description={fixed ? 'How the team sees the experiment' : 'Defaults to the hypothesis title'}
            required={Boolean(fixed)}
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={sentence(errors.name)}
            data-testid="field-name"
          />
        </SimpleGrid>
        {fixed ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Hypothesis"
              description="What the experiment tests"
              readOnly
              variant="filled"
              value={fixed.hypothesisTitle}
              data-testid="field-hypothesis"
            />
            <TextInput
              label="Channel"
              description="The rung of the channel ladder the offer stands on"
              readOnly
              variant="filled"
              value={humanize(values.channel)}
              data-testid="field-channel"
            />
          </SimpleGrid>
        ) : (
          <ChannelControl
            value={values.channel}
            onChange={(channel) => set('channel', channel)}
            error={errors.channel}
          />
        )}
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
