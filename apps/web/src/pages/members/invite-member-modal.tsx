import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { Role } from '@uplift/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { SecretReveal } from '../../components/secret-reveal';
import { fieldErrorsOf } from '../../lib/errors';
import { formatDate, humanize, sentence } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { ROLE_OPTIONS } from './role-options';

interface Props {
  opened: boolean;
  onClose: () => void;
  onInvited: () => Promise<unknown>;
}

const EMPTY = { email: '', role: 'MARKETER' as Role };

/**
 * An admin invites by email and role; the person joins only by accepting. The link is shown once, to pass
 * on: a new person chooses their password through it, someone with an account can also accept in the app.
 */
export function InviteMemberModal({ opened, onClose, onInvited }: Props) {
  const trpc = useTRPC();
  const [form, setForm] = useState(EMPTY);
  const invite = useMutation(trpc.member.invite.mutationOptions({ onSuccess: () => onInvited() }));
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens
  useEffect(() => {
    if (opened) {
      setForm(EMPTY);
      invite.reset();
    }
  }, [opened]);

  const errors = fieldErrorsOf(invite.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(form);
  };
  const sent = invite.data;

  return (
    <Modal opened={opened} onClose={onClose} title="Invite member" centered data-testid="invite-member-modal">
      {sent ? (
        <Stack>
          <Alert color="teal" variant="light" data-testid="invite-sent">
            <Text size="sm">
              {sent.invitation.email} is invited as {humanize(sent.invitation.role)} until{' '}
              {formatDate(sent.invitation.expiresAt)}. They join when they accept: after signing in if they already use
              Uplift, or by choosing a password through the link below.
            </Text>
          </Alert>
          <SecretReveal
            title="Invitation link"
            secret={`${window.location.origin}/invite/${sent.token}`}
            onDismiss={onClose}
            testId="invite-link"
          />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {invite.isError && Object.keys(errors).length === 0 && (
              <ErrorAlert error={invite.error} title="Not invited" />
            )}
            <TextInput
              label="Email"
              type="email"
              required
              value={form.email}
              onChange={(e) => {
                const email = e.currentTarget.value;
                setForm((f) => ({ ...f, email }));
              }}
              error={sentence(errors.email)}
              data-autofocus
              data-testid="member-email"
            />
            <Select
              label="Role"
              allowDeselect={false}
              data={ROLE_OPTIONS}
              value={form.role}
              onChange={(v) => v && setForm((f) => ({ ...f, role: v as Role }))}
              data-testid="member-new-role"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button
                type="submit"
                loading={invite.isPending}
                disabled={!form.email}
                data-testid="member-invite-confirm"
              >
                Invite
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
