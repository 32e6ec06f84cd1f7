import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { WaitlistPanel } from './components/waitlist-panel.tsx';

/** /slots/:slotId/waitlist: one slot's waiting list. */
export default function WaitlistRoute() {
  const { t } = useTranslation();
  const slotId = Number(useParams().slotId);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/day">
        {t('waitlist.backToDay')}
      </Anchor>
      <Title order={1}>{t('waitlist.pageTitle', { slotId })}</Title>
      <WaitlistPanel slotId={slotId} />
    </Stack>
  );
}
