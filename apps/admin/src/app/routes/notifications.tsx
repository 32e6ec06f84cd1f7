import { Alert, Chip, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { useNotifications } from '../../features/notifications/api/get-notifications.ts';
import { NotificationTable } from '../../features/notifications/components/notification-table.tsx';
import { OutboxBanner } from '../../features/notifications/components/outbox-banner.tsx';

const filters = [
  'attention',
  'retrying',
  'failed',
  'dead',
  'pending',
  'sent',
  'delivered',
  'all',
] as const;
const DEFAULT = 'attention';

/**
 * WhatsApp messages. The first tab holds what needs a person: messages retrying after an error
 * (an outage shows here at once, not only once they are given up), refused and given up.
 */
export default function NotificationsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const filter = (filters as readonly string[]).includes(raw ?? '')
    ? (raw as (typeof filters)[number])
    : DEFAULT;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useNotifications({ status: filter === 'all' ? undefined : filter, page });

  return (
    <Stack>
      <Title order={1}>{t('notifications.title')}</Title>
      <OutboxBanner />
      <Group justify="space-between">
        {/* Chips wrap on a narrow screen, where a segmented control would run off the side. */}
        <Chip.Group value={filter} onChange={(v) => setParams(v === DEFAULT ? {} : { status: v })}>
          <Group gap={6} role="radiogroup" aria-label={t('notifications.filter')}>
            {filters.map((f) => (
              <Chip key={f} value={f} variant="outline" type="radio">
                {f === 'all' || f === 'attention' || f === 'retrying'
                  ? t(`notifications.${f}`)
                  : t(`bookings.notificationStatuses.${f}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {list.data && <Text size="sm">{t('notifications.total', { count: list.data.total })}</Text>}
      </Group>
      <QueryState query={list}>
        {(data) =>
          data.items.length === 0 ? (
            <Alert color="leaf" variant="light">
              {filter === DEFAULT ? t('notifications.emptyAttention') : t('notifications.empty')}
            </Alert>
          ) : (
            <>
              <NotificationTable items={data.items} />
              {data.total > data.pageSize && (
                <Pagination
                  total={Math.ceil(data.total / data.pageSize)}
                  value={page}
                  // The arrows are icons alone: screen readers need their names.
                  getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
                  getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
                  onChange={(p) =>
                    setParams({
                      ...(filter === DEFAULT ? {} : { status: filter }),
                      page: String(p),
                    })
                  }
                />
              )}
            </>
          )
        }
      </QueryState>
    </Stack>
  );
}
