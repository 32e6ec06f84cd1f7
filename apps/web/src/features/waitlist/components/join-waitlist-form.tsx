import {
  joinWaitlistSchema,
  type JoinWaitlist,
  type JoinWaitlistInput,
  type Seva,
  type Slot,
} from '@sevabook/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { useJoinWaitlist } from '../api/waitlist-api.ts';
import { waitlistProblem } from '../waitlist-problem.ts';

interface JoinWaitlistFormProps {
  seva: Seva;
  slot: Slot;
  onJoined: (id: number, token: string) => void;
}

const validate = zodResolver(joinWaitlistSchema);

/** The booking form's sentence for a field the shared schema refused (its messages are English). */
function errorKeyOf(field: string): string {
  return field === 'devoteeName' || field === 'phone' || field === 'email'
    ? `form.errors.${field}`
    : 'form.errors.generic';
}

/**
 * The same details as a booking, minus what only the day itself needs: the devotee's name, the
 * WhatsApp number the offer goes to, and how many places they need.
 */
export function JoinWaitlistForm({ seva, slot, onJoined }: JoinWaitlistFormProps) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const join = useJoinWaitlist(slot.id);
  const form = useForm<JoinWaitlistInput, unknown, JoinWaitlist>({
    // The shared schema's messages are English: each is replaced by a sentence of ours.
    resolver: async (values, context, options) => {
      const result = await validate(values, context, options);
      for (const [field, error] of Object.entries(result.errors)) {
        if (error) error.message = errorKeyOf(field);
      }
      return result;
    },
    mode: 'onTouched',
    defaultValues: { devoteeName: '', phone: '', persons: 1, email: '', language },
  });
  const { register, control, handleSubmit, formState } = form;
  const errors = formState.errors;
  const options = Array.from({ length: seva.maxPersonsPerBooking }, (_, i) => String(i + 1));

  const submit = handleSubmit((values) =>
    join.mutate({ ...values, language }, { onSuccess: (e) => onJoined(e.id, e.token) }),
  );
  const problem = join.isError ? waitlistProblem(join.error) : null;
  const text = (key: string | undefined) => (key ? t(key as 'form.errors.generic') : undefined);

  return (
    <form onSubmit={submit} noValidate aria-labelledby="waitlist-details">
      <Stack gap="lg">
        <Text id="waitlist-details" size="lg">
          {t('waitlist.joinIntro')}
        </Text>
        <TextInput
          {...register('devoteeName')}
          label={t('form.name')}
          error={text(errors.devoteeName?.message)}
          autoComplete="name"
          size="lg"
          withAsterisk
        />
        <Controller
          control={control}
          name="phone"
          render={({ field }) => (
            <TextInput
              ref={field.ref}
              name={field.name}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              label={t('form.phone')}
              description={t('waitlist.phoneHint')}
              error={text(errors.phone?.message)}
              type="tel"
              inputMode="tel"
              autoComplete="tel"
              size="lg"
              withAsterisk
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
              description={t('waitlist.personsHint')}
              data={options}
              size="lg"
            />
          )}
        />
        <TextInput
          {...register('email')}
          type="email"
          label={t('form.email')}
          error={text(errors.email?.message)}
          autoComplete="email"
          size="lg"
        />
        {problem && (
          <Alert color="red" role="alert" title={t(problem)}>
            {problem === 'waitlist.errors.places_available' && (
              <Button component={Link} to={`/sevas/${seva.id}/slots/${slot.id}/book`} mt="sm">
                {t('waitlist.bookInstead')}
              </Button>
            )}
          </Alert>
        )}
        <Button type="submit" size="xl" loading={join.isPending} fullWidth>
          {join.isPending ? t('waitlist.joining') : t('waitlist.joinSubmit')}
        </Button>
      </Stack>
    </form>
  );
}
