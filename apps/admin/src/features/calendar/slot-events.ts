import type { AdminSeva, AdminSlot } from '@sevabook/shared';
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
