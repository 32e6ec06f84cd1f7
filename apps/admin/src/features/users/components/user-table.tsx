import { Badge, Button, Group, Select, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { staffRoles, type StaffUser } from '@sevabook/shared';
import { useTemple } from '@sevabook/ui';
import { useTranslation } from 'react-i18next';
import { problemSentence } from '../../../lib/problem-sentence.ts';
import { formatInstant } from '../../../lib/temple-format.ts';
import { useStaffUser } from '../../../lib/use-session.ts';
import type { IssuedPassword } from '../api/get-staff-users.ts';
import { useResetStaffPassword } from '../api/reset-password.ts';
import { useUpdateStaffUser } from '../api/update-staff-user.ts';
import { ListTable } from '../../../components/layout/list-table.tsx';

export function UserTable({
  users,
  onIssued,
}: {
  users: StaffUser[];
  onIssued: (issued: IssuedPassword) => void;
}) {
  const { t } = useTranslation();
  const me = useStaffUser();
  const { timeZone } = useTemple();
  const update = useUpdateStaffUser();
  const reset = useResetStaffPassword();
  const onError = (e: unknown) =>
    notifications.show({ color: 'red', message: problemSentence(e, t) });

  return (
    <ListTable
      minWidth={860}
      headings={[
        t('users.name'),
        t('users.email'),
        t('users.role'),
        t('users.status'),
        t('users.lastLogin'),
      ]}
      actions
      rows={users}
    >
      {(u) => {
        const self = u.id === me.id;
        return (
          <Table.Tr key={u.id} data-testid="user-row" data-email={u.email}>
            <Table.Td fw={600}>{u.name}</Table.Td>
            <Table.Td>{u.email}</Table.Td>
            <Table.Td>
              <Select
                aria-label={t('users.roleOf', { name: u.name })}
                data={staffRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                value={u.role}
                allowDeselect={false}
                disabled={self}
                onChange={(v) =>
                  v && v !== u.role && update.mutate({ id: u.id, body: { role: v } }, { onError })
                }
                w={130}
                size="xs"
              />
            </Table.Td>
            <Table.Td>
              <Badge color={u.active ? 'leaf' : 'gray'} variant="light">
                {u.active ? t('users.active') : t('users.inactive')}
              </Badge>
              {u.mustChangePassword && (
                <Badge color="saffron" variant="light" ml={4}>
                  {t('users.mustChange')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{u.lastLoginAt ? formatInstant(u.lastLoginAt, timeZone) : '—'}</Table.Td>
            <Table.Td>
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {!self && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    color={u.active ? 'red' : 'leaf'}
                    onClick={() =>
                      update.mutate({ id: u.id, body: { active: !u.active } }, { onError })
                    }
                    aria-label={`${u.active ? t('users.deactivate') : t('users.reactivate')} ${u.name}`}
                  >
                    {u.active ? t('users.deactivate') : t('users.reactivate')}
                  </Button>
                )}
                {/* Resetting one's own password would sign oneself out everywhere. */}
                {!self && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => reset.mutate(u.id, { onSuccess: onIssued, onError })}
                    aria-label={`${t('users.resetPassword')} ${u.name}`}
                  >
                    {t('users.resetPassword')}
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        );
      }}
    </ListTable>
  );
}
