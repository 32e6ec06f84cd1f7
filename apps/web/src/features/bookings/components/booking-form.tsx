import {
  PRIVACY_NOTICE_VERSION,
  type CreateBooking,
  type CreateBookingInput,
  type CreatedBooking,
  type Seva,
  type Slot,
} from '@sevabook/shared';
import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { AttemptKeys } from '../../../lib/idempotency-key.ts';
import { errorKind, problemSentence, type ErrorKind } from '../../../lib/problem-sentence.ts';
import { formatMoney } from '../../../lib/temple-format.ts';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { NextSlotsOffer } from '../../../components/slots/next-slots-offer.tsx';
import { useCreateBooking } from '../api/create-booking.ts';
import { readDraft, rememberBooked, saveDraft } from '../booking-draft.ts';
import { carriedDetails } from '../carried-details.ts';
import {
  bookingFormResolver,
  messageKey,
  type BookingFormContext,
} from '../booking-form-resolver.ts';
import { PhoneField } from './phone-field.tsx';
import { PrivacyNotice } from './privacy-notice.tsx';
import { errorText, SankalpaFields } from './sankalpa-fields.tsx';

interface BookingFormProps {
  seva: Seva;
  slot: Slot;
  /** `status` is pending_payment when the booking waits for its online payment. */
  onBooked: (reference: string, manageToken: string, status: CreatedBooking['status']) => void;
}

const unavailableKinds = new Set<ErrorKind>([
  'slot_full',
  'slot_not_bookable',
  'booking_window_closed',
  'booking_not_open_yet',
]);

const formFields = [
  'devoteeName',
  'phone',
  'persons',
  'email',
  'gotra',
  'nakshatra',
  'rashi',
] as const;

export function BookingForm({ seva, slot, onBooked }: BookingFormProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const createBooking = useCreateBooking();
  const maxPersons = Math.max(1, Math.min(seva.maxPersonsPerBooking, slot.remaining));
  const [attempts] = useState(() => new AttemptKeys());
  const carried = carriedDetails(useLocation().state);
  // What was typed before a reload or back-and-forward, then what a filled slot's form handed on.
  const [typed] = useState(() => ({ ...readDraft(), ...carried.details }));
  const choosesHowToPay = seva.feePaise > 0 && seva.paymentMode === 'online_or_counter';

  const form = useForm<CreateBookingInput, BookingFormContext, CreateBooking>({
    resolver: bookingFormResolver,
    context: { maxPersons },
    mode: 'onTouched',
    reValidateMode: 'onChange',
    defaultValues: {
      slotId: slot.id,
      devoteeName: '',
      phone: '',
      email: '',
      language,
      ...typed,
      // Persons carry over, as far as this slot has room.
      persons: Math.min(typed.persons ?? 1, maxPersons),
      // A seva paid online or at the counter asks how; online is offered first.
      ...(choosesHowToPay ? { pays: 'online' as const } : {}),
    },
  });
  const { register, control, handleSubmit, formState, setError, getValues } = form;
  const errors = formState.errors;
  const persons = Number(useWatch({ control, name: 'persons' })) || 1;
  const pays = useWatch({ control, name: 'pays' });
  const paysOnline =
    seva.feePaise > 0 &&
    (seva.paymentMode === 'online_required' || (choosesHowToPay && pays !== 'counter'));

  const typedSoFar = useWatch({ control });
  useEffect(() => saveDraft(typedSoFar), [typedSoFar]);

  const submit = handleSubmit((values) => {
    // The booking records which privacy notice its devotee was shown (PrivacyNotice below).
    const booking: CreateBooking = {
      ...values,
      slotId: slot.id,
      language,
      privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    };
    createBooking.mutate(
      { booking, idempotencyKey: attempts.keyFor(JSON.stringify(booking)) },
      {
        onSuccess: (created) => {
          rememberBooked({
            reference: created.reference,
            token: created.manageToken,
            slotIds: [...carried.triedSlotIds, slot.id],
          });
          onBooked(created.reference, created.manageToken, created.status);
        },
        onError: (error) => {
          // A definite "no" from the API means nothing was booked: the next try is a new attempt.
          if (error instanceof ApiError && error.status < 500) attempts.reset();
          if (error instanceof ApiError && error.code === 'validation_failed') {
            for (const { path, message } of error.problem.errors ?? []) {
              const field = formFields.find(
                (f) => path === f || path.endsWith(`.${f}`) || path.endsWith(`/${f}`),
              );
              if (field)
                setError(field, {
                  type: 'server',
                  message: messageKey(field, { type: 'server', message }),
                });
            }
          }
        },
      },
    );
  });

  const kind = createBooking.isError ? errorKind(createBooking.error) : null;
  // This time cannot be booked any more: the API said so, or the live places did (the last
  // place went while the form was open, or the temple closed the slot). Either way the way on
  // is another time of the same seva.
  const settled = createBooking.isPending || createBooking.isSuccess;
  const unavailable: string | null =
    kind && unavailableKinds.has(kind)
      ? t(`problems.${kind}`)
      : !settled && !slot.bookable
        ? slot.unbookableReason === 'full'
          ? t('problems.slot_full')
          : t('problems.slot_not_bookable')
        : null;
  // The field always shows the persons the fee is counted for: should live places drop below
  // them, the choice stays on screen and the field says how many places are left.
  const options = Array.from({ length: Math.max(maxPersons, persons) }, (_, i) => String(i + 1));
  const fee = seva.feePaise * persons;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="your-details">
      <Stack gap="lg">
        <Title order={2} id="your-details">
          {t('form.yourDetails')}
        </Title>
        <TextInput
          {...register('devoteeName')}
          label={t('form.name')}
          description={t('form.nameHint')}
          error={errorText(t, errors.devoteeName?.message)}
          autoComplete="name"
          size="lg"
          withAsterisk
        />
        <Controller
          control={control}
          name="phone"
          render={({ field }) => (
            <PhoneField
              ref={field.ref}
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={errorText(t, errors.phone?.message)}
            />
          )}
        />
        <Controller
          control={control}
          name="persons"
          render={({ field }) => (
            <NativeSelect
              ref={field.ref}
              name={field.name}
              onBlur={field.onBlur}
              value={String(field.value)}
              onChange={(e) => field.onChange(Number(e.currentTarget.value))}
              label={t('form.persons')}
              data={options}
              error={errorText(t, errors.persons?.message, maxPersons)}
              size="lg"
            />
          )}
        />
        <SankalpaFields asks={seva.asks} control={control} register={register} errors={errors} />
        <TextInput
          {...register('email')}
          type="email"
          label={t('form.email')}
          description={t('form.emailHint')}
          error={errorText(t, errors.email?.message)}
          autoComplete="email"
          size="lg"
        />

        <PrivacyNotice />

        {choosesHowToPay && (
          <Controller
            control={control}
            name="pays"
            render={({ field }) => (
              <Radio.Group
                name={field.name}
                value={field.value ?? 'online'}
                onChange={field.onChange}
                label={t('payment.form.howToPay')}
                size="lg"
              >
                <Stack gap="sm" mt="xs">
                  {(['online', 'counter'] as const).map((way) => (
                    <Radio.Card
                      key={way}
                      value={way}
                      radius="md"
                      p="md"
                      data-testid={`pays-${way}`}
                    >
                      <Group wrap="nowrap" align="center">
                        <Radio.Indicator />
                        <Text fw={700}>{t(`payment.form.${way}`)}</Text>
                      </Group>
                    </Radio.Card>
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
        )}

        <Alert color="saffron" variant="light" radius="md">
          <Text fw={700}>
            {seva.feePaise === 0
              ? t('form.freeSeva')
              : paysOnline
                ? t('payment.form.toPayOnlineFor', {
                    count: persons,
                    amount: formatMoney(fee, language),
                  })
                : t('form.toPayFor', { count: persons, amount: formatMoney(fee, language) })}
          </Text>
          {seva.feePaise > 0 && (
            <Text size="sm">
              {paysOnline ? t('payment.form.onlineNote') : t('form.noOnlinePayment')}
            </Text>
          )}
        </Alert>

        {unavailable ? (
          <Alert color="maroon" variant="light" radius="md" role="alert">
            <Stack gap="sm">
              <Text fw={700}>{unavailable}</Text>
              <NextSlotsOffer
                sevaId={seva.id}
                excludeSlotId={slot.id}
                fromDate={slot.date}
                carry={() => ({
                  ...getValues(),
                  triedSlotIds: [...carried.triedSlotIds, slot.id],
                })}
              />
            </Stack>
          </Alert>
        ) : (
          <>
            {createBooking.isError && (
              <Alert color="maroon" variant="light" radius="md" role="alert">
                {problemSentence(createBooking.error, t)}
              </Alert>
            )}
            <Button type="submit" size="xl" fullWidth loading={createBooking.isPending}>
              {createBooking.isPending
                ? t('form.submitting')
                : paysOnline
                  ? t('payment.form.submit')
                  : t('form.submit')}
            </Button>
          </>
        )}
      </Stack>
    </form>
  );
}
