import type { CheckInRequestInput, CheckInResult } from '@sevabook/shared';
import { apiRequest } from '../../../lib/api-client.ts';

/** One scan or typed reference sent to the gate's endpoint; every outcome is a 200. */
export const postCheckIn = (body: CheckInRequestInput) =>
  apiRequest<CheckInResult>('/admin/check-ins', { method: 'POST', body });
