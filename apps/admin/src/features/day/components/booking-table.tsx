import { Button, Group, Table, Text } from '@mantine/core';
import { formatPhoneInternational, type DaySheet } from '@sevabook/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/use-session.ts';
import { NotificationBadge } from '../../../components/bookings/notification-badge.tsx';
import { sankalpaShort } from '../../../lib/sankalpa-labels.ts';
import classes from './day.module.css';
import { ScrollTable } from '../../../components/layout/scroll-table.tsx';

type SheetSlot = DaySheet['slots'][number];
export type SheetBooking = SheetSlot['bookings'][number];

interface BookingTableProps {
  slot: SheetSlot;
  caption: string;
  onMove: (booking: SheetBooking) => void;
  onEdit: (booking: SheetBooking) => void;
  onHistory: (booking: SheetBooking) => void;
  /** The cancel control of one booking, given by the screen (it belongs to the bookings feature). */
  cancelMenu: (booking: SheetBooking) => ReactNode;
  /** What the booking has paid and the way to take its fee, given by the screen (payments). */
  payment?: (booking: SheetBooking) => ReactNode;
}

export function BookingTable({
  slot,
  caption,
  onMove,
  onEdit,
  onHistory,
  cancelMenu,
  payment,
}: BookingTableProps) {
  const { t } = useTranslation();
  const canChange = useCan('changeBookings');
  return (
    <ScrollTable minWidth={(canChange ? 980 : 700) + (payment ? 20 : 0)} label={caption}>
      <Table striped highlightOnHover verticalSpacing={6} className={classes.table}>
        <Table.Caption className={classes.visuallyHidden}>{caption}</Table.Caption>
        {/* Fixed widths line the columns up from one slot's table to the next. */}
        <colgroup>
          <col style={{ width: '12rem' }} />
          <col style={{ width: '5rem' }} />
          <col />
          <col style={{ width: '7.5rem' }} />
          <col style={{ width: '6.5rem' }} />
          {payment && <col style={{ width: '9.5rem' }} />}
          <col style={{ width: canChange ? '17.5rem' : '0' }} />
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              {t('bookings.name')} · {t('bookings.phone')}
            </Table.Th>
            <Table.Th>{t('bookings.persons')}</Table.Th>
            <Table.Th>{t('bookings.sankalpa')}</Table.Th>
            <Table.Th>{t('bookings.reference')}</Table.Th>
            <Table.Th>{t('bookings.notification')}</Table.Th>
            {payment && <Table.Th>{t('payments.column')}</Table.Th>}
            <Table.Th>
              <span className={classes.visuallyHidden}>{t('bookings.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {slot.bookings.map((b) => {
            const cancelled = b.status === 'cancelled';
            return (
              <Table.Tr
                key={b.id}
                data-testid="booking-row"
                data-reference={b.reference}
                className={cancelled ? classes.cancelled : undefined}
              >
                <Table.Td fw={600}>
                  {b.devoteeName}
                  {cancelled && (
                    <Text span size="xs" ml={6} c="red.9">
                      ({t('bookings.statuses.cancelled')})
                    </Text>
                  )}
                  <Text size="sm" fw={400} className={classes.nowrap}>
                    {formatPhoneInternational(b.phone)}
                  </Text>
                  {b.arrivedTime && (
                    <Text size="sm" fw={600} c="green.9" data-testid="arrived">
                      {b.arrivedBy
                        ? t('checkIn.arrivedBy', { time: b.arrivedTime, name: b.arrivedBy })
                        : t('checkIn.arrived', { time: b.arrivedTime })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{b.persons}</Table.Td>
                <Table.Td>{sankalpaShort(b) || '—'}</Table.Td>
                <Table.Td>
                  <span className={classes.mono}>{b.reference}</span>
                  <Text size="xs" c="dimmed">
                    {t(`bookings.sources.${b.source}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <NotificationBadge
                    status={b.confirmationStatus}
                    // Pending after a try means the last one failed and it waits to go again.
                    retrying={
                      b.confirmationStatus === 'pending' && (b.confirmationAttempts ?? 0) > 0
                    }
                  />
                </Table.Td>
                {payment && <Table.Td>{payment(b)}</Table.Td>}
                <Table.Td>
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {canChange && !cancelled && (
                      <>
                        {cancelMenu(b)}
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => onMove(b)}
                          aria-label={`${t('bookings.move')} ${b.reference}`}
                        >
                          {t('bookings.move')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => onEdit(b)}
                          aria-label={`${t('bookings.edit')} ${b.reference}`}
                        >
                          {t('bookings.edit')}
                        </Button>
                      </>
                    )}
                    {canChange && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="dark"
                        onClick={() => onHistory(b)}
                        aria-label={`${t('bookings.history')} ${b.reference}`}
                      >
                        {t('bookings.history')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
