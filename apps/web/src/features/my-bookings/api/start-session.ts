import type { DevoteeSession, StartDevoteeSessionInput } from '@sevabook/shared';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const startSession = (body: StartDevoteeSessionInput) =>
  apiRequest<DevoteeSession>('/my-bookings/sessions', { method: 'POST', body });

export const useStartSession = () => useMutation({ mutationFn: startSession });
