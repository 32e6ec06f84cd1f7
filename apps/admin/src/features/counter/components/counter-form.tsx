import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { getHotkeyHandler } from '@mantine/hooks';
import type { AdminCreateBookingInput, Seva } from '@sevabook/shared';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { bilingual, formatMoney, formatTime } from '../../../lib/temple-format.ts';
import { MessageLanguageField } from '../../../components/bookings/message-language-field.tsx';
import { SankalpaFields } from '../../../components/bookings/sankalpa-fields.tsx';
import { useSlots } from '../../../lib/slots/get-slots.ts';
import { CounterSelect } from '../../../components/form/counter-select.tsx';
import {
  counterFormSchema,
  toCreateBooking,
  type CounterFormValues,
} from '../counter-form-schema.ts';

/** The booking call, made by the screen (creating a booking belongs to the bookings feature). */
export interface CounterBooking {
  book: (body: AdminCreateBookingInput, idempotencyKey: string) => void;
  isPending: boolean;
  error: Error | null;
}

interface CounterFormProps {
  sevas: Seva[];
  initial: { sevaId?: string; date: string; slotId?: string };
  booking: CounterBooking;
}

/**
 * A walk-in or phone booking by keyboard alone: Tab through seva, date, time, name, phone,
 * persons and the sankalpa the seva asks for; Enter (or Ctrl+Enter from a list) books. Lists
 * filter as you type. The first time with room is chosen for you.
 */
export function CounterForm({ sevas, initial, booking }: CounterFormProps) {
  const { t } = useTranslation();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [openedAt] = useState(() => Date.now());
  const form = useForm<CounterFormValues>({
    resolver: zodResolver(counterFormSchema),
    defaultValues: {
      sevaId: initial.sevaId ?? '',
      date: initial.date,
      slotId: initial.slotId ?? '',
      devoteeName: '',
      phone: '',
      persons: 1,
      gotra: '',
      nakshatra: null,
      rashi: null,
      language: 'kn',
      payNow: 'cash',
    },
  });
  const [sevaId, date, slotId, persons] = useWatch({
    control: form.control,
    name: ['sevaId', 'date', 'slotId', 'persons'],
  });
  const seva = sevas.find((s) => String(s.id) === sevaId);
  const slots = useSlots(
    { from: date, to: date, sevaId: seva?.id },
    Boolean(seva && /^\d{4}-\d{2}-\d{2}$/.test(date)),
  );
  const withRoom = useMemo(
    () =>
      (slots.data?.items ?? []).filter(
        // Staff may book outside the devotees' window, but not a slot that has already begun.
        (s) =>
          s.status === 'open' &&
          s.remaining >= Math.max(1, persons || 1) &&
          Date.parse(s.startsAt) > openedAt,
      ),
    [slots.data, persons, openedAt],
  );

  // Keep the chosen time valid: the first with room when none is chosen or the chosen one filled.
  useEffect(() => {
    if (!slots.data) return;
    if (!withRoom.some((s) => String(s.id) === slotId))
      form.setValue('slotId', withRoom[0] ? String(withRoom[0].id) : '');
  }, [withRoom, slotId, slots.data, form]);

  const errors = form.formState.errors;
  const fee = seva ? seva.feePaise * (persons || 1) : 0;
  const submit = form.handleSubmit((values) =>
    booking.book(toCreateBooking(values, fee > 0), idempotencyKey),
  );

  return (
    <Paper withBorder p="md" maw={860}>
      <form
        onSubmit={submit}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
        noValidate
        aria-label={t('counter.title')}
      >
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Controller
              control={form.control}
              name="sevaId"
              render={({ field }) => (
                <CounterSelect
                  label={t('counter.seva')}
                  data={sevas.map((s) => ({ value: String(s.id), label: bilingual(s.name) }))}
                  autoFocus
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  error={errors.sevaId?.message}
                  withAsterisk
                />
              )}
            />
            <Controller
              control={form.control}
              name="date"
              render={({ field }) => (
                // One tab stop that takes a typed date (2026-11-25) or a pick from its calendar.
                <DateInput
                  label={t('counter.date')}
                  valueFormat="YYYY-MM-DD"
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  error={errors.date?.message}
                  withAsterisk
                />
              )}
            />
            <Controller
              control={form.control}
              name="slotId"
              render={({ field }) => (
                <CounterSelect
                  label={t('counter.slot')}
                  data={withRoom.map((s) => ({
                    value: String(s.id),
                    label: t('counter.slotOption', {
                      time: formatTime(s.time),
                      remaining: s.remaining,
                      capacity: s.capacity,
                    }),
                  }))}
                  value={field.value || null}
                  onChange={(v) => field.onChange(v ?? '')}
                  error={errors.slotId?.message}
                  disabled={!seva}
                  withAsterisk
                />
              )}
            />
          </SimpleGrid>
          {seva && slots.data && withRoom.length === 0 && (
            <Alert color="saffron" variant="light" role="status">
              {t('counter.noSlots')}
            </Alert>
          )}
          {slots.isError && <ErrorState error={slots.error} />}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('counter.name')}
              withAsterisk
              autoComplete="off"
              error={errors.devoteeName?.message}
              {...form.register('devoteeName')}
            />
            <TextInput
              label={t('counter.phone')}
              type="tel"
              withAsterisk
              autoComplete="off"
              error={errors.phone?.message}
              {...form.register('phone')}
            />
            <Controller
              control={form.control}
              name="persons"
              render={({ field }) => (
                <NumberInput
                  label={t('counter.persons')}
                  min={1}
                  max={seva?.maxPersonsPerBooking ?? 50}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v) || 0)}
                  error={errors.persons?.message}
                  withAsterisk
                />
              )}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <SankalpaFields form={form} at="counter" asks={seva?.asks} />
            <MessageLanguageField form={form} label={t('counter.language')} />
          </SimpleGrid>
          {fee > 0 && (
            <Controller
              control={form.control}
              name="payNow"
              render={({ field }) => (
                // Cash is chosen already: a walk-in who pays in cash is booked and paid by Enter.
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="pay-now-label">
                    {t('payments.paidNow')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="pay-now-label"
                    value={field.value}
                    onChange={field.onChange}
                    data={[
                      { value: 'cash', label: t('payments.methods.cash') },
                      { value: 'upi', label: t('payments.methods.upi') },
                      { value: 'card', label: t('payments.methods.card') },
                      { value: 'later', label: t('payments.paidNowLater') },
                    ]}
                    w="fit-content"
                    maw="100%"
                  />
                  {field.value !== 'later' && (
                    <Text size="xs" c="dimmed">
                      {t('payments.paidNowHint', { amount: formatMoney(fee) })}
                    </Text>
                  )}
                </Stack>
              )}
            />
          )}
          {booking.error && <ErrorState error={booking.error} />}
          <Group justify="space-between">
            <Text fw={600}>
              {seva
                ? t('counter.feeTotal', {
                    amount: fee === 0 ? t('counter.receiptFree') : formatMoney(fee),
                  })
                : ''}
            </Text>
            <Button type="submit" size="md" loading={booking.isPending}>
              {t('counter.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
