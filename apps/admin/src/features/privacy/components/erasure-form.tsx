import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { formatPhoneInternational, toE164, type ErasureResult } from '@sevabook/shared';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useEraseDevotee } from '../api/erase-devotee.ts';

/**
 * Erasing one devotee's details at their request: the number, whether to cancel their upcoming
 * bookings, and a confirmation naming the number before anything happens (it cannot be undone).
 */
export function ErasureForm() {
  const { t } = useTranslation();
  const erase = useEraseDevotee();
  const [phone, setPhone] = useState('');
  const [cancelUpcoming, setCancelUpcoming] = useState(false);
  const [confirming, setConfirming] = useState<string>();
  const [invalid, setInvalid] = useState(false);
  const [done, setDone] = useState<{ phone: string; result: ErasureResult }>();

  const ask = (event: FormEvent) => {
    event.preventDefault();
    const e164 = toE164(phone);
    setInvalid(!e164);
    if (e164) setConfirming(e164);
  };
  const confirm = () => {
    if (!confirming) return;
    const number = confirming;
    setConfirming(undefined);
    erase.mutate(
      { phone: number, cancelUpcoming },
      {
        onSuccess: (result) => {
          setDone({ phone: number, result });
          setPhone('');
          setCancelUpcoming(false);
        },
      },
    );
  };
  const upcoming =
    erase.error instanceof ApiError && erase.error.code === 'upcoming_bookings'
      ? erase.error.problem.detail
      : undefined;

  return (
    <Paper withBorder p="md">
      <form onSubmit={ask} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t('privacy.eraseTitle')}
          </Title>
          <Text size="sm">{t('privacy.eraseIntro')}</Text>
          <TextInput
            label={t('privacy.phone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={invalid ? t('privacy.phoneInvalid') : undefined}
            inputMode="tel"
            autoComplete="off"
          />
          <Checkbox
            label={t('privacy.cancelUpcoming')}
            checked={cancelUpcoming}
            onChange={(e) => setCancelUpcoming(e.currentTarget.checked)}
          />
          {upcoming ? (
            <Alert color="saffron" role="alert">
              <Text>{upcoming}</Text>
              <Text>{t('privacy.upcomingHint')}</Text>
            </Alert>
          ) : (
            erase.isError && <ErrorState error={erase.error} />
          )}
          {done && (
            <Alert color="leaf" role="status" withCloseButton onClose={() => setDone(undefined)}>
              {t('privacy.erased', {
                phone: formatPhoneInternational(done.phone),
                ...done.result,
              })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" color="red.9" loading={erase.isPending}>
              {t('privacy.eraseSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={confirming !== undefined}
        onClose={() => setConfirming(undefined)}
        title={t('privacy.confirmTitle')}
      >
        <Stack>
          <Text>
            {t('privacy.confirmText', {
              phone: confirming ? formatPhoneInternational(confirming) : '',
            })}
          </Text>
          {cancelUpcoming && <Text fw={700}>{t('privacy.confirmCancels')}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(undefined)}>
              {t('privacy.keep')}
            </Button>
            <Button color="red.9" onClick={confirm}>
              {t('privacy.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
