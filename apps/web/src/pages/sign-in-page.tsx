import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconTrendingUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Location, useLocation, useNavigate } from 'react-router';
import { authClient } from '../lib/auth-client';

export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  // The invitation page sends people here with their email and a word on what happens next.
  const arrival = location.state as { email?: string; notice?: string } | null;
  const [email, setEmail] = useState(arrival?.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await authClient.signIn
      .email({ email: email.trim(), password })
      .catch(() => ({ error: { status: 0, message: '' } }));
    setPending(false);
    if (result.error) {
      setError(
        result.error.status === 401
          ? 'Wrong email or password.'
          : result.error.status === 0
            ? 'Cannot reach the server. Check your connection.'
            : // A 429 says when to try again (the api's rate limits word it so).
              result.error.message ||
              (result.error.status === 429
                ? 'Too many sign-in attempts; wait a minute and try again.'
                : 'Sign-in failed. Try again.'),
      );
      return;
    }
    // A previous user's answers must not leak into this session.
    queryClient.clear();
    const from = (location.state as { from?: Location } | null)?.from;
    navigate(from ? `${from.pathname}${from.search}` : '/', { replace: true });
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Group gap={8}>
              <IconTrendingUp size={28} color="var(--mantine-color-indigo-6)" />
              <Title order={2}>Uplift</Title>
            </Group>
            <Text c="dimmed" size="sm">
              Sign in to your hypothesis backlog.
            </Text>
            {arrival?.notice && !error && (
              <Alert color="indigo" variant="light" data-testid="sign-in-notice">
                {arrival.notice}
              </Alert>
            )}
            {error && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle />} data-testid="sign-in-error" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="sign-in-email"
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="sign-in-password"
            />
            <Button type="submit" loading={pending} disabled={!email || !password} data-testid="sign-in-submit">
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
