import type { Seva, Slot } from '@sevabook/shared';
import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatTime } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { PlacesBadge } from '../../../components/slots/places-badge.tsx';

/** What is being booked, always in view above the form: date, time, places left, fee. */
export function SlotSummary({ seva, slot }: { seva: Seva; slot: Slot }) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  return (
    <Paper radius="md" p="md" bg="var(--sevabook-cream-panel)" withBorder>
      <Stack gap={6}>
        <Text fz="xl" fw={700}>
          {formatDate(slot.date, language, 'long')}
        </Text>
        <Group justify="space-between" gap="xs">
          <Text fz="xl" fw={700}>
            {formatTime(slot.time, language)}
          </Text>
          <PlacesBadge slot={slot} />
        </Group>
        <Text>
          {seva.feePaise === 0
            ? t('seva.free')
            : t('seva.feePerPerson', { amount: formatMoney(seva.feePaise, language) })}
        </Text>
      </Stack>
    </Paper>
  );
}
