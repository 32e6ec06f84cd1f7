import {
  nakshatras,
  rashis,
  sankalpaName,
  type CreateBooking,
  type CreateBookingInput,
  type Seva,
} from '@sevabook/shared';
import { Fieldset, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import type { BookingFormContext } from '../booking-form-resolver.ts';

interface SankalpaFieldsProps {
  asks: Seva['asks'];
  control: Control<CreateBookingInput, BookingFormContext, CreateBooking>;
  register: UseFormRegister<CreateBookingInput>;
  errors: FieldErrors<CreateBookingInput>;
}

/** Gotra, nakshatra and rashi, only those the seva asks for; all may be left empty. */
export function SankalpaFields({ asks, control, register, errors }: SankalpaFieldsProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  if (!asks.gotra && !asks.nakshatra && !asks.rashi) return null;

  const choices = (list: typeof nakshatras | typeof rashis) => [
    { value: '', label: t('form.notSure') },
    // In Kannada, the Kannada name first and the English one after, as priests often write both.
    ...list.map((item) => ({
      value: item.key,
      label: sankalpaName(item, language),
    })),
  ];

  return (
    <Fieldset
      legend={t('form.sankalpa')}
      variant="unstyled"
      p={0}
      m={0}
      styles={{
        legend: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700, marginBottom: 4 },
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('form.sankalpaHint')}
        </Text>
        {asks.gotra && (
          <TextInput
            {...register('gotra')}
            label={t('form.gotra')}
            error={errorText(t, errors.gotra?.message)}
            size="lg"
            autoComplete="off"
          />
        )}
        {asks.nakshatra && (
          <Controller
            control={control}
            name="nakshatra"
            render={({ field }) => (
              <NativeSelect
                ref={field.ref}
                name={field.name}
                onBlur={field.onBlur}
                value={field.value ?? ''}
                onChange={(e) => field.onChange(e.currentTarget.value || undefined)}
                label={t('form.nakshatra')}
                data={choices(nakshatras)}
                error={errorText(t, errors.nakshatra?.message)}
                size="lg"
              />
            )}
          />
        )}
        {asks.rashi && (
          <Controller
            control={control}
            name="rashi"
            render={({ field }) => (
              <NativeSelect
                ref={field.ref}
                name={field.name}
                onBlur={field.onBlur}
                value={field.value ?? ''}
                onChange={(e) => field.onChange(e.currentTarget.value || undefined)}
                label={t('form.rashi')}
                data={choices(rashis)}
                error={errorText(t, errors.rashi?.message)}
                size="lg"
              />
            )}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

/** Errors hold message keys (see booking-form-resolver.ts); this words them. */
export function errorText(
  t: TFunction,
  key: string | undefined,
  count?: number,
): string | undefined {
  if (!key) return undefined;
  return t(key as 'form.errors.generic', count === undefined ? {} : { count });
}
