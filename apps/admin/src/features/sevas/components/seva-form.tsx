import { zodResolver } from '@hookform/resolvers/zod';
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { sevaPaymentModes } from '@sevabook/shared';
import { Controller, useForm, useWatch, type Control, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { sevaFormSchema, type SevaFormValues } from '../seva-form-values.ts';

interface SevaFormProps {
  initial: SevaFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  readOnly?: boolean;
  onSubmit: (values: SevaFormValues) => void;
}

/** Names and descriptions in English and Kannada, fee, places, window and sankalpa fields. */
export function SevaForm({
  initial,
  submitLabel,
  pending,
  error,
  readOnly = false,
  onSubmit,
}: SevaFormProps) {
  const { t } = useTranslation();
  const form = useForm<SevaFormValues>({
    resolver: zodResolver(sevaFormSchema),
    defaultValues: initial,
  });
  const errors = form.formState.errors;
  const feeRupees = useWatch({ control: form.control, name: 'feeRupees' });
  const num = (
    name: FieldPath<SevaFormValues>,
    label: string,
    props: { min?: number; max?: number; decimalScale?: number } = {},
  ) => (
    <NumberField control={form.control} name={name} label={label} readOnly={readOnly} {...props} />
  );

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('sevas.nameEn')}
              error={errors.nameEn?.message}
              {...form.register('nameEn')}
            />
            <TextInput
              label={t('sevas.nameKn')}
              lang="kn"
              error={errors.nameKn?.message}
              {...form.register('nameKn')}
            />
            <TextInput
              label={t('sevas.slug')}
              description={t('sevas.slugHelp')}
              error={errors.slug?.message}
              {...form.register('slug')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('sevas.descriptionEn')}
              autosize
              minRows={2}
              error={errors.descriptionEn?.message}
              {...form.register('descriptionEn')}
            />
            <Textarea
              label={t('sevas.descriptionKn')}
              lang="kn"
              autosize
              minRows={2}
              error={errors.descriptionKn?.message}
              {...form.register('descriptionKn')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
            {num('feeRupees', t('sevas.feeRupees'), { min: 0, decimalScale: 2 })}
            {num('defaultCapacity', t('sevas.capacity'), { min: 1 })}
            {num('maxPersonsPerBooking', t('sevas.maxPersons'), { min: 1, max: 50 })}
            {num('durationMinutes', t('sevas.duration'), { min: 1 })}
            {num('bookingOpensDaysAhead', t('sevas.opensDays'), { min: 0 })}
            {num('bookingClosesMinutesBefore', t('sevas.closesMinutes'), { min: 0 })}
            {num('arriveMinutesBefore', t('sevas.arriveMinutes'), { min: 0, max: 240 })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('sevas.bringNoteEn')}
              description={t('sevas.bringNoteHint')}
              autosize
              minRows={1}
              error={errors.bringNoteEn?.message}
              {...form.register('bringNoteEn')}
            />
            <Textarea
              label={t('sevas.bringNoteKn')}
              description={t('sevas.bringNoteHint')}
              lang="kn"
              autosize
              minRows={1}
              error={errors.bringNoteKn?.message}
              {...form.register('bringNoteKn')}
            />
          </SimpleGrid>
          <Fieldset legend={t('sevas.asks')} variant="unstyled">
            <Group>
              <Checkbox label={t('bookings.gotra')} {...form.register('asksGotra')} />
              <Checkbox label={t('bookings.nakshatra')} {...form.register('asksNakshatra')} />
              <Checkbox label={t('bookings.rashi')} {...form.register('asksRashi')} />
            </Group>
          </Fieldset>
          <Fieldset legend={t('payments.seva.legend')} variant="unstyled">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={form.control}
                name="paymentMode"
                render={({ field }) => (
                  <Radio.Group
                    label={t('payments.seva.mode')}
                    description={
                      feeRupees > 0
                        ? t(`payments.seva.modeHelp.${field.value}`)
                        : t('payments.seva.freeNote')
                    }
                    value={field.value}
                    onChange={(v) => field.onChange(v)}
                  >
                    <Stack gap={6} mt={6}>
                      {sevaPaymentModes.map((m) => (
                        <Radio key={m} value={m} label={t(`payments.seva.modes.${m}`)} />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
              />
              <Controller
                control={form.control}
                name="refundFullHoursBefore"
                render={({ field, fieldState }) => (
                  <NumberInput
                    label={t('payments.seva.refundHours')}
                    description={t('payments.seva.refundHoursHelp')}
                    min={0}
                    max={366 * 24}
                    allowDecimal={false}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v) || 0)}
                    error={fieldState.error?.message}
                    readOnly={readOnly}
                    maw={320}
                  />
                )}
              />
            </SimpleGrid>
          </Fieldset>
          <Controller
            control={form.control}
            name="active"
            render={({ field }) => (
              <Switch
                label={t('sevas.activeLabel')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
          {Boolean(error) && <ErrorState error={error} />}
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={pending}>
                {submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}

function NumberField({
  control,
  name,
  label,
  readOnly,
  ...props
}: {
  control: Control<SevaFormValues>;
  name: FieldPath<SevaFormValues>;
  label: string;
  readOnly: boolean;
  min?: number;
  max?: number;
  decimalScale?: number;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          label={label}
          value={field.value as number}
          onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v) || 0)}
          error={fieldState.error?.message}
          readOnly={readOnly}
          {...props}
        />
      )}
    />
  );
}
