import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';

interface Props {
  title: string;
  secret: string;
  onDismiss: () => void;
  testId: string;
}

/** A secret the server shows once: copyable, with a plain warning that it will not be shown again. */
export function SecretReveal({ title, secret, onDismiss, testId }: Props) {
  return (
    <Alert
      color="yellow"
      icon={<IconKey />}
      title={title}
      withCloseButton
      closeButtonLabel="I have stored it"
      onClose={onDismiss}
      data-testid={`${testId}-reveal`}
    >
      <Stack gap="xs">
        <Text size="sm">
          Copy it now and keep it somewhere safe (a password manager or your secrets store). It is shown only once:
          Uplift keeps no readable copy, so a lost one must be replaced.
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid={testId}>
            {secret}
          </Code>
          <CopyButton value={secret}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'}>
                <ActionIcon variant="light" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label="Copy">
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
