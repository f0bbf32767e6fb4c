import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { authClient } from './auth-client';

/** Ends the session and drops every cached answer, so the next person on this browser sees none of it. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    // Signing out locally must not wait on the server: a failed call still clears this browser's state.
    await authClient.signOut().catch((e: unknown) => console.warn('sign-out request failed', e));
    queryClient.clear();
    navigate('/sign-in', { replace: true });
  }, [queryClient, navigate]);
}
