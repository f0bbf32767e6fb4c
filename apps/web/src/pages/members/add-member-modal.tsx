import { Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { Role } from '@uplift/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { fieldErrorsOf } from '../../lib/errors';
import { sentence } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { ROLE_OPTIONS } from './role-options';

interface Props {
  opened: boolean;
  onClose: () => void;
  onAdded: () => Promise<unknown>;
}

const EMPTY = { email: '', name: '', role: 'MARKETER' as Role, password: '' };

/** Public sign-up is off: an admin adds people, with an initial password when the email is new. */
export function AddMemberModal({ opened, onClose, onAdded }: Props) {
  const trpc = useTRPC();
  const [form, setForm] = useState(EMPTY);
  const add = useMutation(
    trpc.member.add.mutationOptions({
      onSuccess: async () => {
        await onAdded();
        onClose();
      },
    }),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the dialog opens
  useEffect(() => {
    if (opened) {
      setForm(EMPTY);
      add.reset();
    }
  }, [opened]);

  const errors = fieldErrorsOf(add.error);
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ ...form, password: form.password || undefined });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add member" centered data-testid="add-member-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          {add.isError && Object.keys(errors).length === 0 && <ErrorAlert error={add.error} title="Not added" />}
          <TextInput
            label="Email"
            type="email"
            required
            value={form.email}
            onChange={(e) => set('email')(e.currentTarget.value)}
            error={sentence(errors.email)}
            data-autofocus
            data-testid="member-email"
          />
          <TextInput
            label="Name"
            required
            value={form.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={sentence(errors.name)}
            data-testid="member-name"
          />
          <Select
            label="Role"
            allowDeselect={false}
            data={ROLE_OPTIONS}
            value={form.role}
            onChange={(v) => v && set('role')(v)}
            data-testid="member-new-role"
          />
          <PasswordInput
            label="Initial password"
            description="Needed when the email has no account yet; at least 8 characters."
            value={form.password}
            onChange={(e) => set('password')(e.currentTarget.value)}
            error={sentence(errors.password)}
            data-testid="member-password"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              loading={add.isPending}
              disabled={!form.email || !form.name}
              data-testid="member-add-confirm"
            >
              Add
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
