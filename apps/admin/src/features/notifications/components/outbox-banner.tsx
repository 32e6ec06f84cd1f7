import { Alert, Anchor, Text } from '@mantine/core';
import { templeTimeOf, type OutboxHealth } from '@sevabook/shared';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../../lib/temple-format.ts';
import { useOutboxHealth } from '../api/get-outbox-health.ts';

/**
 * Says, in words staff act on, that WhatsApp messages are not going out: "WhatsApp could not be
 * reached; retrying, next try 10:42 am" (temple time), how many wait and how many need a person.
 * Nothing shows while messages go out. `withLink` points to the notifications screen.
 */
export function OutboxBanner({ withLink = false }: { withLink?: boolean }) {
  const health = useOutboxHealth();
  if (!health.data || !needsSaying(health.data)) return null;
  return <OutboxSentence health={health.data} withLink={withLink} />;
}

const needsSaying = (h: OutboxHealth) => h.retrying + h.failed + h.dead > 0;

function OutboxSentence({ health, withLink }: { health: OutboxHealth; withLink: boolean }) {
  const { t } = useTranslation();
  const { timeZone } = useTemple();
  const cause = t(`outbox.cause.${health.lastError?.cause ?? 'unreachable'}`);
  const headline =
    health.retrying > 0 && health.nextTryAt
      ? t('outbox.retrying', {
          cause,
          time: formatTime(templeTimeOf(new Date(health.nextTryAt), timeZone)),
        })
      : t('outbox.stopped', { cause });
  const givenUp = health.failed + health.dead;
  return (
    <Alert
      color="red"
      variant="light"
      role="status"
      title={t('outbox.title')}
      data-testid="outbox-banner"
    >
      <Text size="sm" fw={700}>
        {headline}
      </Text>
      {health.retrying > 0 && (
        <Text size="sm">{t('outbox.waiting', { count: health.retrying })}</Text>
      )}
      {givenUp > 0 && <Text size="sm">{t('outbox.givenUp', { count: givenUp })}</Text>}
      {health.lastError && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('outbox.lastError', { error: health.lastError.message })}
        </Text>
      )}
      {withLink && (
        <Anchor component={Link} to="/notifications" size="sm">
          {t('outbox.see')}
        </Anchor>
      )}
    </Alert>
  );
}
