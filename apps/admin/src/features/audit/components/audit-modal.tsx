import { Alert, Modal, Text, Timeline } from '@mantine/core';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { PageSkeleton } from '../../../components/feedback/page-skeleton.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatInstant } from '../../../lib/temple-format.ts';
import { useAudit } from '../api/get-audit.ts';
import { auditSentence } from '../audit-sentence.ts';

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
              <Timeline.Item
                key={entry.id}
                title={auditSentence(entry, new Map(audit.data.slots.map((s) => [s.id, s])), t)}
                data-testid="history-entry"
              >
                <Text size="sm" c="dimmed">
                  {formatInstant(entry.createdAt, timeZone)}
                </Text>
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
