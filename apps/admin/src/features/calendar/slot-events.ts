import type { AdminSeva, AdminSlot, ClosedDate } from '@sevabook/shared';
import { fillLevel, type FillLevel } from '../../lib/slots/fill-level.ts';

export interface SlotEvent {
  id: string;
  title: string;
  /** Temple-local wall-clock time; the calendar runs in UTC so nothing shifts it. */
  start: string;
  end: string;
  classNames: string[];
  extendedProps: { slotId: number; date: string; level: FillLevel };
}

export interface ClosedDayEvent {
  id: string;
  title: string;
  start: string;
  allDay: true;
  classNames: string[];
  extendedProps: { date: string };
}

function addMinutes(date: string, time: string, minutes: number): string {
  const d = new Date(`${date}T${time}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 19);
}

/** Calendar events for slots: "Archana 12/50", coloured by how full they are. */
export function slotEvents(slots: AdminSlot[], sevas: AdminSeva[]): SlotEvent[] {
  const byId = new Map(sevas.map((s) => [s.id, s]));
  return slots.map((slot) => {
    const seva = byId.get(slot.sevaId);
    const level = fillLevel(slot.booked, slot.capacity, slot.status);
    return {
      id: String(slot.id),
      title: `${seva?.name.en ?? `Seva ${slot.sevaId}`} ${slot.booked}/${slot.capacity}`,
      start: `${slot.date}T${slot.time}:00`,
      end: addMinutes(slot.date, slot.time, Math.max(15, seva?.durationMinutes ?? 30)),
      classNames: ['sb-slot', `sb-slot-${level}`],
      extendedProps: { slotId: slot.id, date: slot.date, level },
    };
  });
}

/**
 * A closed date as an all-day entry at the top of its day, "Closed: Rathotsava", and the day
 * shaded: a day without slots would otherwise look merely empty. With one seva chosen, only its
 * closures and the whole temple's show.
 */
export function closedDayEvents(
  closed: ClosedDate[],
  sevas: AdminSeva[],
  sevaId: number | undefined,
): (
  ClosedDayEvent | { start: string; allDay: true; display: 'background'; classNames: string[] }
)[] {
  const byId = new Map(sevas.map((s) => [s.id, s]));
  return closed
    .filter((c) => sevaId === undefined || c.sevaId === null || c.sevaId === sevaId)
    .flatMap((c) => {
      const seva = c.sevaId === null ? null : byId.get(c.sevaId);
      const who = c.sevaId === null ? '' : ` (${seva?.name.en ?? `Seva ${c.sevaId}`})`;
      return [
        {
          id: `closed-${c.id}`,
          title: `Closed${who}: ${c.reason}`,
          start: c.date,
          allDay: true as const,
          classNames: ['sb-closed-day'],
          extendedProps: { date: c.date },
        },
        ...(c.sevaId === null
          ? [
              {
                start: c.date,
                allDay: true as const,
                display: 'background' as const,
                classNames: ['sb-closed-bg'],
              },
            ]
          : []),
      ];
    });
}
