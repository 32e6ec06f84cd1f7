import { Alert, Code, Modal, Stack, Text, Timeline } from '@mantine/core';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { PageSkeleton } from '../../../components/feedback/page-skeleton.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatInstant } from '../../../lib/temple-format.ts';
import { useAudit } from '../api/get-audit.ts';

/** The fields that changed, e.g. "persons: 2 → 3"; the whole record when it was created. */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  if (typeof a !== 'object') return [];
  const show = (v: unknown): string =>
    v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
  return Object.keys(a)
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => (before ? `${k}: ${show(b[k])} → ${show(a[k])}` : `${k}: ${show(a[k])}`));
}

/** Who did what to a booking, and when. */
export function AuditModal({
  bookingId,
  reference,
  onClose,
}: {
  bookingId: number;
  reference: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const audit = useAudit(bookingId);
  const missing = audit.error instanceof ApiError && audit.error.status === 404;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('app.close') }}
      opened
      onClose={onClose}
      title={t('audit.title', { reference })}
      size="lg"
    >
      {audit.data ? (
        audit.data.items.length === 0 ? (
          <Text>{t('audit.empty')}</Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2}>
            {audit.data.items.map((entry) => (
              <Timeline.Item key={entry.id} title={`${entry.action} — ${entry.actor.label}`}>
                <Stack gap={4}>
                  <Text size="sm">{formatInstant(entry.createdAt, timeZone)}</Text>
                  {changedFields(entry.before, entry.after).length > 0 && (
                    <Code block>{changedFields(entry.before, entry.after).join('\n')}</Code>
                  )}
                </Stack>
              </Timeline.Item>
            ))}
          </Timeline>
        )
      ) : missing ? (
        <Alert color="saffron" variant="light">
          {t('audit.unavailable')}
        </Alert>
      ) : audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <PageSkeleton rows={2} />
      )}
    </Modal>
  );
}
