import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@uplift/api';
import superjson from 'superjson';
import { readWorkspaceSlug } from './workspace-slug';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // 401/403/404 will not change on retry; only transient failures deserve one.
        retry: (count, error) => count < 1 && !isClientError(error),
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        transformer: superjson,
        // Read per request, so switching workspace needs no new client.
        headers: () => {
          const slug = readWorkspaceSlug();
          return slug ? { 'x-workspace': slug } : {};
        },
      }),
    ],
  });
}

function isClientError(error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  return typeof status === 'number' && status >= 400 && status < 500;
}
