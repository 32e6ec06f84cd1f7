import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** One recorded change to a booking. */
export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  actor: { kind: string; id?: number | null; name?: string | null } | string | null;
  before?: unknown;
  after?: unknown;
}

interface AuditList {
  items: AuditEntry[];
}

export const getAudit = (bookingId: number, signal?: AbortSignal) =>
  apiRequest<AuditList>(`/admin/audit?bookingId=${bookingId}`, { signal });

export const auditQueryOptions = (bookingId: number) =>
  queryOptions({ queryKey: ['audit', bookingId], queryFn: ({ signal }) => getAudit(bookingId, signal) });

export const useAudit = (bookingId: number) => useQuery(auditQueryOptions(bookingId));
