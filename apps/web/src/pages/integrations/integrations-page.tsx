import { Paper, Stack, Text, Title } from '@mantine/core';
import { WebhookDeliveryLog } from '../../components/webhook-delivery-log';
import { useSession } from '../../lib/session';
import { ApiKeysCard } from './api-keys-card';
import { WebhooksCard } from './webhooks-card';

/** How other systems talk to Uplift (API keys) and how Uplift tells them (webhooks). */
export function IntegrationsPage() {
  const { can } = useSession();
  return (
    <Stack gap="md" maw={1000}>
      <Title order={2}>Integrations</Title>
      {can('apikey.manage') && <ApiKeysCard />}
      {can('webhook.manage') && (
        <>
          <WebhooksCard />
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={4}>Delivery log</Title>
              <Text size="sm" c="dimmed">
                The latest 100 deliveries to every endpoint.
              </Text>
              <WebhookDeliveryLog />
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}
