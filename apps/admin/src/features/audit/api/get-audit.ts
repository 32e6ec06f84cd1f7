import type { auditPageSchema } from '@sevabook/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';

export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditEntry = AuditPage['items'][number];

export const getAudit = (bookingId: number, signal?: AbortSignal) =>
  apiRequest<AuditPage>(`/admin/audit?bookingId=${bookingId}&pageSize=100`, { signal });

export const auditQueryOptions = (bookingId: number) =>
  queryOptions({
    queryKey: ['audit', bookingId],
    queryFn: ({ signal }) => getAudit(bookingId, signal),
  });

export const useAudit = (bookingId: number) => useQuery(auditQueryOptions(bookingId));
