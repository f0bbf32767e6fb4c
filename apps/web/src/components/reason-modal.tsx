import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from './error-alert';

interface Props {
  opened: boolean;
  title: string;
  description?: string;
  confirmLabel: string;
  color?: string;
  /** Rejections need a written reason (the audit log keeps it); approvals and archiving may have one. */
  reasonRequired: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
  testId: string;
}

export function ReasonModal(props: Props) {
  const { opened, title, description, confirmLabel, color, reasonRequired, pending, error, onConfirm, onClose } = props;
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (opened) setReason('');
  }, [opened]);
  const missing = reasonRequired && !reason.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!missing) onConfirm(reason.trim());
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered data-testid={props.testId}>
      <form onSubmit={submit}>
        <Stack>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
          {Boolean(error) && <ErrorAlert error={error} title="Not done" testId="modal-error" />}
          <Textarea
            label={reasonRequired ? 'Reason' : 'Reason (optional)'}
            required={reasonRequired}
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
            data-testid="reason-input"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={color} loading={pending} disabled={missing} data-testid="modal-confirm">
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
