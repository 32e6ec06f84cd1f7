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

/**
 * The WhatsApp confirmation's state; failed, dead and retrying stand out in red. A retrying
 * message is queued again after an error, which "Queued" alone would hide.
 */
export function NotificationBadge({
  status,
  retrying = false,
}: {
  status: Status | null;
  retrying?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={retrying ? 'red' : status ? colour[status] : 'gray'}
      size="sm"
      radius="sm"
      // Never cut the word ("QUEU…"): in a narrow column the badge grows a line instead.
      styles={{
        root: { height: 'auto', maxWidth: '100%', overflow: 'visible', paddingBlock: 2 },
        label: { overflow: 'visible', whiteSpace: 'normal', textOverflow: 'clip' },
      }}
    >
      {retrying
        ? t('notifications.retrying')
        : t(`bookings.notificationStatuses.${status ?? 'none'}`)}
    </Badge>
  );
}
