import {
  Button,
  Center,
  Divider,
  Group,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrendingUp } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { fieldErrorsOf } from '../../lib/errors';
import { formatDate, humanize, sentence } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

const READY =
  'Your account is ready: sign in with the password you chose. If you already had an Uplift account, its password has not changed: sign in with it and accept the invitation at the top of the page.';
const SIGN_IN_TO_ACCEPT = 'Sign in, then accept the invitation at the top of the page.';

/**
 * Where an invitation link leads, signed in or not. A new person chooses their own password here; someone with
 * an account signs in and accepts. The page offers both to everyone: whether the email has an account is
 * not shown (README, "Members and invitations").
 */
export function InvitationPage() {
  const { token = '' } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const preview = useQuery(trpc.invitation.preview.queryOptions({ token }, { retry: false }));
  const [form, setForm] = useState({ name: '', password: '', repeat: '' });
  const claim = useMutation(
    trpc.invitation.claim.mutationOptions({
      onSuccess: ({ email }) => navigate('/sign-in', { state: { email, notice: READY } }),
    }),
  );
  // The value is read at once: React may run the updater after the event's currentTarget is gone.
  const field = (key: keyof typeof form) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const errors = fieldErrorsOf(claim.error);
  const mismatch = form.repeat.length > 0 && form.repeat !== form.password;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!mismatch) claim.mutate({ token, name: form.name, password: form.password });
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={460} data-testid="invitation-page">
        <Stack>
          <Group gap={8}>
            <IconTrendingUp size={28} color="var(--mantine-color-indigo-6)" />
            <Title order={2}>Uplift</Title>
          </Group>
          {preview.isPending && <Loader />}
          {preview.isError && <ErrorAlert error={preview.error} title="Invitation not available" />}
          {preview.data && (
            <>
              <Text data-testid="invitation-summary">
                {preview.data.invitedBy} invited <b>{preview.data.email}</b> to join <b>{preview.data.workspaceName}</b>{' '}
                as {humanize(preview.data.role)}. The invitation is open until {formatDate(preview.data.expiresAt)}.
              </Text>
              <form onSubmit={submit} noValidate>
                <Stack gap="sm">
                  <Title order={4}>New to Uplift? Choose your password</Title>
                  {claim.isError && Object.keys(errors).length === 0 && <ErrorAlert error={claim.error} />}
                  <TextInput
                    label="Your name"
                    required
                    value={form.name}
                    onChange={field('name')}
                    error={sentence(errors.name)}
                    data-testid="invitation-name"
                  />
                  <PasswordInput
                    label="Password"
                    description="At least 8 characters."
                    autoComplete="new-password"
                    required
                    value={form.password}
                    onChange={field('password')}
                    error={sentence(errors.password)}
                    data-testid="invitation-password"
                  />
                  <PasswordInput
                    label="Password again"
                    autoComplete="new-password"
                    required
                    value={form.repeat}
                    onChange={field('repeat')}
                    error={mismatch ? 'The two passwords differ.' : undefined}
                    data-testid="invitation-repeat"
                  />
                  <Button
                    type="submit"
                    loading={claim.isPending}
                    disabled={!form.name || !form.password || form.repeat !== form.password}
                    data-testid="invitation-claim"
                  >
                    Create my account and join
                  </Button>
                </Stack>
              </form>
              <Divider label="or" />
              <Button
                variant="default"
                onClick={() =>
                  navigate('/sign-in', { state: { email: preview.data.email, notice: SIGN_IN_TO_ACCEPT } })
                }
                data-testid="invitation-sign-in"
              >
                I already have an account: sign in to accept
              </Button>
            </>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
