import { Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';

interface Props {
  opened: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (rank: number, reason: string) => void;
  onClose: () => void;
}

/** Pinning overrides the ROI ranking, so it always carries a reason for the audit log. */
export function PinModal({ opened, pending, error, onConfirm, onClose }: Props) {
  const [rank, setRank] = useState<number | string>(1);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (opened) {
      setRank(1);
      setReason('');
    }
  }, [opened]);
  const validRank = typeof rank === 'number' && Number.isInteger(rank) && rank >= 1 && rank <= 1000;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (validRank && reason.trim()) onConfirm(rank, reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Pin in the backlog" centered data-testid="pin-modal">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            A pinned hypothesis ranks at this position regardless of its ROI.
          </Text>
          {Boolean(error) && <ErrorAlert error={error} title="Not pinned" testId="modal-error" />}
          <NumberInput
            label="Rank"
            description="1 is the top of the backlog"
            min={1}
            max={1000}
            allowDecimal={false}
            value={rank}
            onChange={setRank}
            error={validRank ? undefined : 'Must be a whole number 1–1000'}
            data-testid="pin-rank"
          />
          <Textarea
            label="Reason"
            required
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="reason-input"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} disabled={!validRank || !reason.trim()} data-testid="modal-confirm">
              Pin
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
