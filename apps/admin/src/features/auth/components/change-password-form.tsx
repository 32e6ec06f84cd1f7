import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { COMMON_PASSWORD_MESSAGE, changePasswordSchema, isCommonPassword } from '@sevabook/shared';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { useChangePassword } from '../api/change-password.ts';

/** The API's rules, and the new password typed a second time the same. */
const formSchema = changePasswordSchema
  .safeExtend({ repeatPassword: z.string() })
  .refine((v) => v.repeatPassword === v.newPassword, {
    message: 'The two new passwords are not the same',
    path: ['repeatPassword'],
  });
type FormValues = z.infer<typeof formSchema>;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { currentPassword: '', newPassword: '', repeatPassword: '' },
  });
  // The API refuses common passwords too; asking here first saves a round trip and says why
  // next to the field.
  const submit = form.handleSubmit(async ({ currentPassword, newPassword }) => {
    if (await isCommonPassword(newPassword)) {
      form.setError('newPassword', { message: COMMON_PASSWORD_MESSAGE });
      return;
    }
    change.mutate({ currentPassword, newPassword });
  });
  return (
    <Container size={420} py={64}>
      <Paper withBorder p="lg" component="main">
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack>
            <Title order={1}>{t('password.title')}</Title>
            <Text>{t('password.intro')}</Text>
            {change.isError && <ErrorState error={change.error} />}
            <PasswordInput
              label={t('password.current')}
              autoComplete="current-password"
              error={form.formState.errors.currentPassword?.message}
              {...form.register('currentPassword')}
            />
            <PasswordInput
              label={t('password.next')}
              autoComplete="new-password"
              error={form.formState.errors.newPassword?.message}
              {...form.register('newPassword')}
            />
            <PasswordInput
              label={t('password.repeat')}
              autoComplete="new-password"
              error={form.formState.errors.repeatPassword?.message}
              {...form.register('repeatPassword')}
            />
            <Button type="submit" loading={change.isPending || form.formState.isSubmitting}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
