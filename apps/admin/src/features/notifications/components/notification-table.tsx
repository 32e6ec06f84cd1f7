import { Button, Table, Text } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { formatPhoneInternational } from '@sevabook/shared';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../../lib/problem-sentence.ts';
import { formatInstant } from '../../../lib/temple-format.ts';
import { useCan } from '../../../lib/use-session.ts';
import { NotificationBadge } from '../../../components/bookings/notification-badge.tsx';
import type { AdminNotification } from '../api/get-notifications.ts';
import { useRetryNotification } from '../api/retry-notification.ts';
import { ListTable } from '../../../components/layout/list-table.tsx';

const RETRYABLE = new Set(['failed', 'dead']);

export function NotificationTable({ items }: { items: AdminNotification[] }) {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const canRetry = useCan('retryNotifications');
  const retry = useRetryNotification({
    onSuccess: () => toasts.show({ color: 'leaf', message: t('notifications.retried') }),
    onError: (e) => toasts.show({ color: 'red', message: problemSentence(e, t) }),
  });
  return (
    <ListTable
      minWidth={900}
      headings={[
        t('bookings.reference'),
        t('bookings.name'),
        t('notifications.kind'),
        t('bookings.status'),
        t('notifications.attempts'),
        t('notifications.reason'),
        t('notifications.updated'),
      ]}
      actions
      rows={items}
    >
      {(n) => (
        <Table.Tr key={n.id} data-testid="notification-row" data-reference={n.booking.reference}>
          <Table.Td ff="monospace">{n.booking.reference}</Table.Td>
          <Table.Td>
            {n.booking.devoteeName}
            <Text size="xs" c="dimmed">
              {formatPhoneInternational(n.booking.phone)}
            </Text>
          </Table.Td>
          <Table.Td>{t(`notifications.kinds.${n.kind}`)}</Table.Td>
          <Table.Td>
            <NotificationBadge
              status={n.status}
              // As the API counts it (outbox-health.ts): failed before and waiting to go again.
              retrying={
                n.status === 'pending' &&
                !!n.lastError &&
                (n.attempts > 0 || n.lastErrorCode === '429')
              }
            />
          </Table.Td>
          <Table.Td>{n.attempts}</Table.Td>
          <Table.Td maw={320}>
            {n.lastError ? (
              <Text size="sm">
                {n.lastError}
                {n.lastErrorCode && ` (${n.lastErrorCode})`}
              </Text>
            ) : (
              '—'
            )}
          </Table.Td>
          <Table.Td>{formatInstant(n.updatedAt, timeZone)}</Table.Td>
          <Table.Td>
            {canRetry && RETRYABLE.has(n.status) && (
              <Button
                size="compact-sm"
                variant="light"
                loading={retry.isPending && retry.variables === n.id}
                aria-label={`${t('notifications.retry')} ${n.booking.reference}`}
                onClick={() => retry.mutate(n.id)}
              >
                {t('notifications.retry')}
              </Button>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </ListTable>
  );
}
