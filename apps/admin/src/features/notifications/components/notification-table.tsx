import { Button, Table, Text } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { formatPhoneInternational } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../../lib/problem-sentence.ts';
import { formatInstant } from '../../../lib/temple-format.ts';
import { useCan } from '../../auth/hooks/use-session.ts';
import { NotificationBadge } from '../../bookings/components/notification-badge.tsx';
import { useTemple } from '../../temple/api/get-temple.ts';
import type { AdminNotification } from '../api/get-notifications.ts';
import { useRetryNotification } from '../api/retry-notification.ts';
import { ScrollTable } from '../../../components/layout/scroll-table.tsx';

const RETRYABLE = new Set(['failed', 'dead']);

export function NotificationTable({ items }: { items: AdminNotification[] }) {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const canRetry = useCan('retryNotifications');
  const retry = useRetryNotification();
  return (
    <ScrollTable minWidth={900}>
      <Table striped verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('bookings.reference')}</Table.Th>
            <Table.Th>{t('bookings.name')}</Table.Th>
            <Table.Th>{t('notifications.kind')}</Table.Th>
            <Table.Th>{t('bookings.status')}</Table.Th>
            <Table.Th>{t('notifications.attempts')}</Table.Th>
            <Table.Th>{t('notifications.reason')}</Table.Th>
            <Table.Th>{t('notifications.updated')}</Table.Th>
            <Table.Th>
              <span className="visually-hidden">{t('bookings.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((n) => (
            <Table.Tr
              key={n.id}
              data-testid="notification-row"
              data-reference={n.booking.reference}
            >
              <Table.Td ff="monospace">{n.booking.reference}</Table.Td>
              <Table.Td>
                {n.booking.devoteeName}
                <Text size="xs" c="dimmed">
                  {formatPhoneInternational(n.booking.phone)}
                </Text>
              </Table.Td>
              <Table.Td>{t(`notifications.kinds.${n.kind}`)}</Table.Td>
              <Table.Td>
                <NotificationBadge status={n.status} />
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
                    onClick={() =>
                      retry.mutate(n.id, {
                        onSuccess: () =>
                          toasts.show({ color: 'leaf', message: t('notifications.retried') }),
                        onError: (e) =>
                          toasts.show({ color: 'red', message: problemSentence(e, t) }),
                      })
                    }
                  >
                    {t('notifications.retry')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
