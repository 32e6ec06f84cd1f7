import type { Db } from '../db/client.ts';
import { SharedReads } from '../db/shared-read.ts';
import type { SlotWithSeva } from '../slots/slot-dto.ts';
import type { SlotState } from './pipelined-booking.ts';

/**
 * The slots and sevas bookings are judged by, as this process last read them.
 *
 * A booking may be judged by a remembered read, however old, because it never stands on it
 * alone: its transaction refuses it unless the slot still starts when it did and the seva is
 * still active and unchanged since (`updated_at`), and checks places and the slot's status
 * itself (booking-statements.ts). A refusal is never given from memory alone: one found in a
 * remembered read is read again (create-booking.ts), and the others come from the slot as a
 * booking transaction left it, read after its COMMIT. NOTE: that read may have been sent just
 * before the request arrived: the booking writer answers bookings still queued behind a batch
 * that filled the slot from it (booking-writer.ts), so a place freed meanwhile is a race they
 * lose, as they could have lost it anyway. So a flash sale's requests go to the booking
 * writer as they are parsed, instead of each waiting for a read of the slot that the database
 * answers at once but this process, busy with the others, takes in only after all of them.
 * docs/decisions/0008-bookings-judged-by-remembered-slots.md.
 */
export class SlotFacts {
  private readonly known = new Map<number, SlotWithSeva>();
  private readonly reads: SharedReads<number, SlotWithSeva | null>;

  constructor(
    db: Db,
    private readonly maxSlots = 1_000,
  ) {
    this.reads = new SharedReads((id) =>
      db.slot.findUnique({ where: { id }, include: { seva: true } }),
    );
  }

  /** The slot as last read, if it was; its places and status may have changed since. */
  remembered(id: number): SlotWithSeva | undefined {
    return this.known.get(id);
  }

  /** The slot from a read started after this call (shared with callers that ask meanwhile). */
  async fresh(id: number): Promise<SlotWithSeva | null> {
    const slot = await this.reads.next(id);
    if (slot) this.remember(slot);
    else this.known.delete(id);
    return slot;
  }

  /** Places and status as a booking transaction found them, for the next early answer. */
  update(id: number, state: SlotState | undefined): void {
    const slot = this.known.get(id);
    if (!slot) return;
    if (!state) {
      this.known.delete(id);
      return;
    }
    const status = state.status as SlotWithSeva['status'];
    this.known.set(id, { ...slot, status, booked: state.booked, capacity: state.capacity });
  }

  /** A slot as just read elsewhere (a devotee opening its booking page reads it). */
  remember(slot: SlotWithSeva): void {
    if (this.known.size >= this.maxSlots && !this.known.has(slot.id)) this.known.clear();
    this.known.set(slot.id, slot);
  }
}
