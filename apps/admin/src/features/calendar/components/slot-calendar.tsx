import type { DatesSetArg, EventClickArg } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import type { AdminSeva } from '@sevabook/shared';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../../components/feedback/error-state.tsx';
import { addDays } from '../../../lib/calendar-date.ts';
import { useAdminSlots } from '../../../lib/slots/get-admin-slots.ts';
import { useClosedDays } from '../api/get-closed-days.ts';
import { closedDayEvents, slotEvents } from '../slot-events.ts';
import './slot-calendar.css';

/**
 * NOTE: FullCalendar names each day cell by its day number alone while the cell also shows the
 * day's slots, a mismatch screen readers trip over (axe: label-content-name-mismatch). It sets
 * the name again on every render, so an observer takes it off each time.
 */
function unnameDayCells(container: HTMLDivElement | null): (() => void) | undefined {
  if (!container) return undefined;
  const strip = () =>
    container
      .querySelectorAll('td[aria-labelledby]')
      .forEach((td) => td.removeAttribute('aria-labelledby'));
  const observer = new MutationObserver(strip);
  observer.observe(container, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-labelledby'],
  });
  strip();
  return () => observer.disconnect();
}

interface SlotCalendarProps {
  sevas: AdminSeva[];
  sevaId?: number;
  /** Temple-local "now" (YYYY-MM-DDTHH:mm:ss), so "today" is the temple's today. */
  now: string;
}

/**
 * Week and month at a glance: every slot with booked/capacity, coloured by how full it is; a
 * click opens that day at that slot. The calendar runs in UTC and is fed temple-local times, so
 * what it shows is the temple's clock whatever the browser's zone.
 */
export function SlotCalendar({ sevas, sevaId, now }: SlotCalendarProps) {
  const navigate = useNavigate();
  const [range, setRange] = useState<{ from: string; to: string }>();
  const slots = useAdminSlots(
    { from: range?.from ?? '', to: range?.to ?? '', sevaId },
    Boolean(range),
  );
  const closed = useClosedDays({ from: range?.from ?? '', to: range?.to ?? '' }, Boolean(range));
  const events = useMemo(
    () => [
      ...closedDayEvents(closed.data?.items ?? [], sevas, sevaId),
      ...slotEvents(slots.data?.items ?? [], sevas),
    ],
    [closed.data, slots.data, sevas, sevaId],
  );

  const onDatesSet = (arg: DatesSetArg) => {
    const from = arg.startStr.slice(0, 10);
    // FullCalendar's end is exclusive.
    const to = addDays(arg.endStr.slice(0, 10), -1);
    setRange((r) => (r?.from === from && r.to === to ? r : { from, to }));
  };

  const onEventClick = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    const { slotId, date } = arg.event.extendedProps as { slotId?: number; date: string };
    void navigate(slotId ? `/day?date=${date}&slot=${slotId}` : `/day?date=${date}`);
  };

  return (
    <div
      aria-busy={slots.isFetching && !slots.data}
      ref={unnameDayCells}
      style={{ overflowX: 'auto', position: 'relative' }}
    >
      {slots.isError && <ErrorState error={slots.error} onRetry={() => void slots.refetch()} />}
      <FullCalendar
        plugins={[dayGridPlugin, interactionPlugin]}
        initialView="dayGridWeek"
        timeZone="UTC"
        now={now}
        firstDay={1}
        locale="en-gb"
        headerToolbar={{
          left: 'prev,next today',
          center: 'title',
          right: 'dayGridWeek,dayGridMonth',
        }}
        // Words, not icon fonts: the icons carry no text a screen reader could read.
        buttonIcons={false}
        buttonText={{
          today: 'Today',
          week: 'Week',
          month: 'Month',
          prev: '‹ Previous',
          next: 'Next ›',
        }}
        height="auto"
        // Every slot shows, in the month too: FullCalendar's "+n more" popover is not accessible.
        dayMaxEvents={false}
        displayEventEnd={false}
        eventTimeFormat={{ hour: 'numeric', minute: '2-digit', meridiem: 'short' }}
        eventDisplay="block"
        events={events}
        datesSet={onDatesSet}
        eventClick={onEventClick}
      />
    </div>
  );
}
