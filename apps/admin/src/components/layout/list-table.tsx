import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './scroll-table.tsx';

interface ListTableProps<T> {
  minWidth: number;
  /** The column headings, in order. */
  headings: string[];
  /** A last column of row buttons; its heading is there for screen readers only. */
  actions?: boolean;
  rows: readonly T[];
  /** Shown instead of the table when there are no rows; without it, the table shows empty. */
  empty?: ReactNode;
  /** One `Table.Tr` per row, with its key. */
  children: (row: T) => ReactNode;
}

/**
 * A staff list (notifications, users, schedules): one look for all of them, a striped and dense
 * table that scrolls sideways on a narrow screen.
 */
export function ListTable<T>({
  minWidth,
  headings,
  actions = false,
  rows,
  empty,
  children,
}: ListTableProps<T>) {
  const { t } = useTranslation();
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <ScrollTable minWidth={minWidth}>
      <Table striped verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            {headings.map((heading) => (
              <Table.Th key={heading}>{heading}</Table.Th>
            ))}
            {actions && (
              <Table.Th>
                <span className="visually-hidden">{t('bookings.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows.map((row) => children(row))}</Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
