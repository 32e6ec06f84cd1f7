import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { DaySheet } from '@sevabook/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTime } from '../../../lib/temple-format.ts';
import { useCan } from '../../../lib/use-session.ts';
import { fillLevel } from '../../../lib/slots/fill-level.ts';
import { BookingTable, type SheetBooking } from './booking-table.tsx';
import classes from './day.module.css';

export type SheetSlot = DaySheet['slots'][number];

interface SlotPanelProps {
  slot: SheetSlot;
  date: string;
  highlighted: boolean;
  onMove: (booking: SheetBooking, slot: SheetSlot) => void;
  onEdit: (booking: SheetBooking) => void;
  onHistory: (booking: SheetBooking) => void;
  /** Opens the slot's settings (places, note, status), which the screen shows. */
  onSettings: (slot: SheetSlot, heading: string) => void;
  cancelMenu: (booking: SheetBooking, slot: SheetSlot) => ReactNode;
  payment?: (booking: SheetBooking, slot: SheetSlot) => ReactNode;
}

/**
 * One slot of the day: its places at a glance, then its bookings. Changing the slot and
 * cancelling a booking belong to other features; the screen hands them in.
 */
export function SlotPanel({
  slot,
  date,
  highlighted,
  onMove,
  onEdit,
  onHistory,
  onSettings,
  cancelMenu,
  payment,
}: SlotPanelProps) {
  const { t } = useTranslation();
  const canChange = useCan('changeBookings');
  const canManage = useCan('manageSevas');
  const remaining = Math.max(0, slot.capacity - slot.booked);
  const level = fillLevel(slot.booked, slot.capacity, slot.status);
  const heading = t('day.slotHeading', { time: formatTime(slot.time), seva: slot.seva.name.en });
  const headingId = `slot-${slot.id}-heading`;

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      id={`slot-${slot.id}`}
      className={classes.slot}
      data-fill={level}
      data-highlight={highlighted}
      data-testid="slot-panel"
      data-slot-id={slot.id}
      p="sm"
      radius="md"
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={0}>
          <Title order={2} id={headingId} size="h3">
            {heading}
          </Title>
          <Text size="sm" c="dimmed" lang="kn">
            {slot.seva.name.kn}
          </Text>
          <Group gap={6} mt={4}>
            {slot.status === 'closed' && (
              <Badge color="gray" variant="filled">
                {t('day.slotClosed')}
              </Badge>
            )}
            {slot.status === 'cancelled' && (
              <Badge color="red" variant="filled">
                {t('day.slotCancelled')}
              </Badge>
            )}
            {slot.status === 'open' && remaining === 0 && (
              <Badge color="maroon" variant="filled">
                {t('day.full')}
              </Badge>
            )}
            {slot.note && <Text size="sm">{slot.note}</Text>}
          </Group>
        </Stack>
        <Group gap="md" className={classes.stats} wrap="wrap">
          <Stat label={t('day.capacity')} value={slot.capacity} testId="capacity" />
          <Stat label={t('day.booked')} value={slot.booked} testId="booked" />
          <Stat label={t('day.remaining')} value={remaining} testId="remaining" />
          <Stat
            label={t('checkIn.arrivedOf', { expected: slot.arrivals.expectedBookings })}
            value={slot.arrivals.bookings}
            testId="arrived"
          />
          {canManage && (
            <Button
              size="compact-md"
              variant="default"
              className="no-print"
              onClick={() => onSettings(slot, heading)}
              aria-label={t('slotSettings.buttonFor', { slot: heading })}
            >
              {t('slotSettings.button')}
            </Button>
          )}
          {slot.status === 'open' && (
            <Button
              component={Link}
              to={`/slots/${slot.id}/waitlist`}
              size="compact-md"
              variant="subtle"
              className="no-print"
            >
              {t('waitlist.link')}
            </Button>
          )}
          {canChange && slot.status === 'open' && remaining > 0 && (
            <Button
              component={Link}
              to={`/counter?date=${date}&sevaId=${slot.seva.id}&slotId=${slot.id}`}
              size="compact-md"
              variant="light"
              className="no-print"
            >
              {t('day.bookThisSlot')}
            </Button>
          )}
        </Group>
      </Group>
      {slot.bookings.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('day.noBookings')}
        </Text>
      ) : (
        <BookingTable
          slot={slot}
          caption={t('bookings.caption', { slot: heading })}
          onMove={(b) => onMove(b, slot)}
          onEdit={onEdit}
          onHistory={onHistory}
          cancelMenu={(b) => cancelMenu(b, slot)}
          payment={payment && ((b) => payment(b, slot))}
        />
      )}
    </Paper>
  );
}

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className={classes.stat}>
      <div className={classes.statValue} data-testid={testId}>
        {value}
      </div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}
