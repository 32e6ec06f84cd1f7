import { Anchor, Badge, Table } from '@mantine/core';
import type { AdminSeva } from '@sevabook/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../../lib/temple-format.ts';
import { ScrollTable } from '../../../components/layout/scroll-table.tsx';

export function SevaTable({ sevas }: { sevas: AdminSeva[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={760}>
      <Table striped highlightOnHover fz="sm" verticalSpacing={8}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('counter.seva')}</Table.Th>
            <Table.Th>{t('sevas.fee')}</Table.Th>
            <Table.Th>{t('sevas.capacity')}</Table.Th>
            <Table.Th>{t('sevas.maxPersons')}</Table.Th>
            <Table.Th>{t('sevas.duration')}</Table.Th>
            <Table.Th>{t('bookings.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sevas.map((s) => (
            <Table.Tr key={s.id} data-testid="seva-row">
              <Table.Td>
                <Anchor component={Link} to={`/sevas/${s.id}`} fw={700}>
                  {s.name.en}
                </Anchor>{' '}
                · <span lang="kn">{s.name.kn}</span>
              </Table.Td>
              <Table.Td>{s.feePaise === 0 ? t('sevas.free') : formatMoney(s.feePaise)}</Table.Td>
              <Table.Td>{s.defaultCapacity}</Table.Td>
              <Table.Td>{s.maxPersonsPerBooking}</Table.Td>
              <Table.Td>{s.durationMinutes}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={s.active ? 'leaf' : 'gray'}>
                  {s.active ? t('sevas.active') : t('sevas.inactive')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
