import type { WaitlistEntry } from '@sevabook/shared';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatInstant, formatTime, localized } from '../../../lib/temple-format.ts';
import { useTemple } from '../../../lib/use-temple.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { useAcceptOffer, useLeaveWaitlist } from '../api/waitlist-api.ts';
import { waitlistProblem } from '../waitlist-problem.ts';

/**
 * One entry as its devotee sees it: the place in line while waiting; the places held and one
 * big button to accept while offered; what became of it otherwise.
 */
interface WaitlistEntryPanelProps {
  entry: WaitlistEntry;
  token: string;
  /** The offer became this booking; its manage token is shown once. */
  onAccepted: (reference: string, manageToken: string) => void;
}

export function WaitlistEntryPanel({ entry, token, onAccepted }: WaitlistEntryPanelProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const { timeZone } = useTemple();
  const accept = useAcceptOffer(entry.id, token);
  const leave = useLeaveWaitlist(entry.id, token);
  const [confirmingLeave, setConfirmingLeave] = useState(false);
  const failed = accept.error ?? leave.error;

  return (
    <Stack gap="lg" data-testid="waitlist-entry" data-status={entry.status}>
      <Paper radius="md" p="md" bg="var(--sevabook-cream-panel)" withBorder>
        <Stack gap={6}>
          <Text fz="xl" fw={700}>
            {localized(entry.seva.name, language)}
          </Text>
          <Text fz="lg">
            {formatDate(entry.slot.date, language, 'long')} ·{' '}
            {formatTime(entry.slot.time, language)}
          </Text>
          <Text>{t('waitlist.personsCount', { count: entry.persons })}</Text>
        </Stack>
      </Paper>

      {entry.status === 'waiting' && entry.position !== null && (
        <Stack gap="sm">
          <Title order={2} data-testid="waitlist-position">
            {t('waitlist.position', { position: entry.position })}
          </Title>
          <Text size="lg">{t('waitlist.waitingNote')}</Text>
        </Stack>
      )}

      {entry.status === 'offered' && entry.offer && (
        <Alert color="green" variant="light" title={t('waitlist.offeredTitle')}>
          <Stack gap="md">
            <Text size="lg">
              {t('waitlist.offeredNote', {
                until: formatInstant(entry.offer.holdExpiresAt, language, timeZone),
              })}
            </Text>
            <Button
              size="xl"
              fullWidth
              loading={accept.isPending}
              onClick={() =>
                accept.mutate(undefined, {
                  onSuccess: (booked) => onAccepted(booked.reference, booked.manageToken),
                })
              }
            >
              {t('waitlist.accept')}
            </Button>
          </Stack>
        </Alert>
      )}

      {entry.status === 'booked' && (
        <Alert color="green" variant="light" title={t('waitlist.booked')}>
          {entry.bookingReference && (
            <Text size="lg">
              {t('waitlist.bookedReference', { reference: entry.bookingReference })}
            </Text>
          )}
        </Alert>
      )}
      {entry.status === 'expired' && <Alert color="gray">{t('waitlist.expired')}</Alert>}
      {entry.status === 'removed' && <Alert color="gray">{t('waitlist.removed')}</Alert>}

      {failed && (
        <Alert color="red" role="alert">
          {t(waitlistProblem(failed))}
        </Alert>
      )}

      {(entry.status === 'waiting' || entry.status === 'offered') &&
        (confirmingLeave ? (
          <Stack gap="sm">
            <Text size="lg">{t('waitlist.leaveConfirm')}</Text>
            <Group grow>
              <Button
                color="red"
                size="lg"
                loading={leave.isPending}
                onClick={() => leave.mutate()}
              >
                {t('waitlist.leave')}
              </Button>
              <Button variant="default" size="lg" onClick={() => setConfirmingLeave(false)}>
                {t('waitlist.stay')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Button variant="subtle" size="lg" onClick={() => setConfirmingLeave(true)}>
            {entry.status === 'offered' ? t('waitlist.decline') : t('waitlist.leave')}
          </Button>
        ))}

      <Button component={Link} to={`/sevas/${entry.seva.id}`} variant="default" size="lg">
        {t('waitlist.otherDates')}
      </Button>
    </Stack>
  );
}
