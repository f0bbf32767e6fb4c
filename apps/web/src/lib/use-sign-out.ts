import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { authClient } from './auth-client';

/** Ends the session and drops every cached answer, so the next person on this browser sees none of it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    await authClient.signOut().catch(() => undefined);
    queryClient.clear();
    navigate('/sign-in', { replace: true });
  }, [queryClient, navigate]);
}
