import { Badge } from '@mantine/core';
import type { notificationStatuses } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';

type Status = (typeof notificationStatuses)[number];

const colour: Record<Status, string> = {
  pending: 'gray',
  sending: 'gray',
  sent: 'leaf',
  delivered: 'leaf',
  read: 'leaf',
  failed: 'red',
  dead: 'red',
  cancelled: 'gray',
};

/** The WhatsApp confirmation's state; failed and dead stand out in red. */
export function NotificationBadge({ status }: { status: Status | null }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={status ? colour[status] : 'gray'} size="sm" radius="sm">
      {t(`bookings.notificationStatuses.${status ?? 'none'}`)}
    </Badge>
  );
}
