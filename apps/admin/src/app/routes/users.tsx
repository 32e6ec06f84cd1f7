import { Alert, Code, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/feedback/query-state.tsx';
import { useCan } from '../../lib/use-session.ts';
import { useStaffUsers, type IssuedPassword } from '../../features/users/api/get-staff-users.ts';
import { AddUserForm } from '../../features/users/components/add-user-form.tsx';
import { UserTable } from '../../features/users/components/user-table.tsx';

/** Staff accounts, for admins only: invite, set role, deactivate, reset a password. */
export default function UsersRoute() {
  const { t } = useTranslation();
  const allowed = useCan('manageStaff');
  const users = useStaffUsers(allowed);
  const [issued, setIssued] = useState<IssuedPassword>();
  if (!allowed) return <Alert color="saffron">{t('problems.forbidden')}</Alert>;
  return (
    <Stack>
      <Title order={1}>{t('users.title')}</Title>
      {issued && (
        <Alert
          color="leaf"
          variant="light"
          role="status"
          withCloseButton
          onClose={() => setIssued(undefined)}
          closeButtonLabel={t('app.close')}
        >
          <Text>{t('users.issued', { name: issued.user.name, email: issued.user.email })}</Text>
          <Code fz="lg" data-testid="temporary-password">
            {issued.temporaryPassword}
          </Code>
        </Alert>
      )}
      <AddUserForm onIssued={setIssued} />
      <QueryState query={users}>
        {(data) => <UserTable users={data.items} onIssued={setIssued} />}
      </QueryState>
    </Stack>
  );
}
