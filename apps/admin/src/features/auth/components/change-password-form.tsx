import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Container, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { changePasswordSchema, type ChangePassword } from '@sevabook/shared';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { useChangePassword } from '../api/change-password.ts';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useForm<ChangePassword>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  return (
    <Container size={420} py={64}>
      <Paper withBorder p="lg" component="main">
        <form onSubmit={form.handleSubmit((v) => change.mutate(v))} noValidate>
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
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
