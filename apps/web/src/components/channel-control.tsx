import { Input, SegmentedControl } from '@mantine/core';
import { CHANNELS, type Channel } from '@uplift/domain';
import { humanize, sentence } from '../lib/format';

interface Props {
  value: Channel;
  onChange: (channel: Channel) => void;
  error?: string;
}

/** Where the idea reaches people: one segmented control for hypotheses and experiments alike. */
export function ChannelControl({ value, onChange, error }: Props) {
  return (
    <Input.Wrapper label="Channel" error={sentence(error)}>
      <SegmentedControl
        fullWidth
        data={CHANNELS.map((c) => ({ value: c, label: humanize(c) }))}
        value={value}
        onChange={(v) => onChange(v as Channel)}
        data-testid="field-channel"
      />
    </Input.Wrapper>
  );
}
