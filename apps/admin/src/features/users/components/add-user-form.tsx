import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { createStaffUserSchema, staffRoles, type CreateStaffUser } from '@sevabook/shared';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { useCreateStaffUser } from '../api/create-staff-user.ts';
import type { IssuedPassword } from '../api/get-staff-users.ts';

export function AddUserForm({ onIssued }: { onIssued: (issued: IssuedPassword) => void }) {
  const { t } = useTranslation();
  const create = useCreateStaffUser();
  const form = useForm<CreateStaffUser>({
    resolver: zodResolver(createStaffUserSchema),
    defaultValues: { email: '', name: '', role: 'staff' },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit((v) =>
    create.mutate(v, {
      onSuccess: (issued) => {
        form.reset();
        onIssued(issued);
      },
    }),
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3">
            {t('users.add')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('users.name')}
              error={errors.name?.message}
              {...form.register('name')}
            />
            <TextInput
              label={t('users.email')}
              type="email"
              error={errors.email?.message}
              {...form.register('email')}
            />
            <Controller
              control={form.control}
              name="role"
              render={({ field }) => (
                <Select
                  label={t('users.role')}
                  data={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                  allowDeselect={false}
                  value={field.value}
                  onChange={(v) => v && field.onChange(v)}
                />
              )}
            />
          </SimpleGrid>
          {create.isError && <ErrorState error={create.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('users.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
