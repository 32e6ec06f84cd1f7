import { Alert, List } from '@mantine/core';
import type { PublicClosedDate } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';

/**
 * The dates the temple has closed, with its reason: "Sat, 12 Dec — closed: Rathotsava". A
 * devotee whose date shows nothing learns why, and that it is not a fault of the site.
 */
export function ClosedDatesNotice({ closed }: { closed: PublicClosedDate[] }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  // One line per date: a seva's own closure and the temple's on the same day say one thing.
  const byDate = new Map<string, PublicClosedDate>();
  for (const c of closed) if (!byDate.has(c.date)) byDate.set(c.date, c);
  if (byDate.size === 0) return null;
  return (
    <Alert
      mt="md"
      color="saffron"
      variant="light"
      title={t('seva.closedDatesTitle')}
      data-testid="closed-dates"
    >
      <List spacing={4}>
        {[...byDate.values()].map((c) => (
          <List.Item key={c.date}>
            {t('seva.closedOn', { date: formatDate(c.date, language, 'long'), reason: c.reason })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
