import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  devoteeNameSchema,
  gotraSchema,
  phoneInputSchema,
  type AdminBooking,
  type NakshatraKey,
  type RashiKey,
} from '@sevabook/shared';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { PageSkeleton } from '../../../components/feedback/page-skeleton.tsx';
import { useBooking } from '../api/get-booking.ts';
import { useUpdateBooking } from '../api/update-booking.ts';
import { MessageLanguageField } from '../../../components/bookings/message-language-field.tsx';
import { SankalpaFields } from '../../../components/bookings/sankalpa-fields.tsx';

const editSchema = z.object({
  devoteeName: devoteeNameSchema,
  phone: phoneInputSchema,
  persons: z.number().int().min(1).max(50),
  email: z.union([z.literal(''), z.email('Enter a valid email address')]),
  gotra: gotraSchema,
  nakshatra: z.string().nullable(),
  rashi: z.string().nullable(),
  language: z.enum(['en', 'kn', 'hi', 'te']),
});
type EditValues = z.infer<typeof editSchema>;

export function EditModal({ bookingId, onClose }: { bookingId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const booking = useBooking(bookingId);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('app.close') }}
      opened
      onClose={onClose}
      title={t('bookings.editTitle', { reference: booking.data?.reference ?? '' })}
      size="lg"
    >
      {booking.data ? (
        <EditForm booking={booking.data} onClose={onClose} />
      ) : booking.isError ? (
        <ErrorState error={booking.error} onRetry={() => void booking.refetch()} />
      ) : (
        <PageSkeleton rows={3} />
      )}
    </Modal>
  );
}

function EditForm({ booking, onClose }: { booking: AdminBooking; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateBooking();
  const form = useForm<EditValues>({
    resolver: zodResolver(editSchema),
    defaultValues: {
      devoteeName: booking.devoteeName,
      phone: booking.phone,
      persons: booking.persons,
      email: booking.email ?? '',
      gotra: booking.gotra ?? '',
      nakshatra: booking.nakshatra,
      rashi: booking.rashi,
      language: booking.language,
    },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit((v) => {
    update.mutate(
      {
        id: booking.id,
        body: {
          devoteeName: v.devoteeName,
          phone: v.phone,
          persons: v.persons,
          email: v.email || null,
          gotra: v.gotra || null,
          nakshatra: v.nakshatra as NakshatraKey | null,
          rashi: v.rashi as RashiKey | null,
          language: v.language,
        },
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'leaf',
            message: t('bookings.edited', { reference: saved.reference }),
          });
          onClose();
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('bookings.name')}
            error={errors.devoteeName?.message}
            data-autofocus
            {...form.register('devoteeName')}
          />
          <TextInput
            label={t('bookings.phone')}
            type="tel"
            error={errors.phone?.message}
            {...form.register('phone')}
          />
          <Controller
            control={form.control}
            name="persons"
            render={({ field }) => (
              <NumberInput
                label={t('bookings.persons')}
                min={1}
                max={50}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : Number(v))}
                error={errors.persons?.message}
              />
            )}
          />
          <TextInput
            label={t('bookings.email')}
            type="email"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <SankalpaFields form={form} at="bookings" gotraError={errors.gotra?.message} />
          <MessageLanguageField form={form} label={t('bookings.language')} />
        </SimpleGrid>
        {update.isError && <ErrorState error={update.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('app.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('app.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
