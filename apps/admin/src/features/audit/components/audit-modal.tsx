import { Alert, Code, Modal, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { PageSkeleton } from '../../../components/feedback/page-skeleton.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatInstant } from '../../../lib/temple-format.ts';
import { useTemple } from '../../temple/api/get-temple.ts';
import { useAudit, type AuditEntry } from '../api/get-audit.ts';

function actorName(actor: AuditEntry['actor']): string {
  if (!actor) return '—';
  if (typeof actor === 'string') return actor;
  return actor.name ?? actor.kind;
}

/** Who did what to a booking, and when. */
export function AuditModal({ bookingId, reference, onClose }: { bookingId: number; reference: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const audit = useAudit(bookingId);
  const missing = audit.error instanceof ApiError && audit.error.status === 404;
  return (
    <Modal opened onClose={onClose} title={t('audit.title', { reference })} size="lg">
      {audit.data ? (
        audit.data.items.length === 0 ? (
          <Text>{t('audit.empty')}</Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2}>
            {audit.data.items.map((entry) => (
              <Timeline.Item key={entry.id} title={`${entry.action} — ${actorName(entry.actor)}`}>
                <Stack gap={4}>
                  <Text size="sm">{formatInstant(entry.at, timeZone)}</Text>
                  {entry.after !== undefined && entry.after !== null && (
                    <Code block>{JSON.stringify(entry.after, null, 1)}</Code>
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
