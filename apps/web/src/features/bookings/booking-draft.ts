import { typedDetails, type TypedDetails } from './carried-details.ts';

/**
 * What the devotee has typed so far, kept in the tab's session storage: back and forward, or a
 * reload in the middle of the form, finds it filled in as they left it. Session storage ends
 * with the tab, and the draft is cleared as soon as the booking is made.
 *
 * And the booking made in this tab, with the slots tried on the way to it: going back to one
 * of those forms shows the booking made, instead of saying that another devotee took the place.
 */
const DRAFT_KEY = 'sevabook.bookingDraft';
const BOOKED_KEY = 'sevabook.bookedHere';

export interface BookedHere {
  reference: string;
  token: string;
  slotIds: number[];
}

// Some browsers throw on storage access in private modes; then nothing is kept, as before.
function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function read(key: string): unknown {
  try {
    return JSON.parse(storage()?.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the form still works, it only forgets on reload.
  }
}

export const readDraft = (): Partial<TypedDetails> => typedDetails(read(DRAFT_KEY));

export const saveDraft = (values: Partial<Record<keyof TypedDetails, unknown>>): void =>
  write(DRAFT_KEY, typedDetails(values));

export function rememberBooked(booked: BookedHere): void {
  storage()?.removeItem(DRAFT_KEY);
  write(BOOKED_KEY, booked);
}

/** The booking made in this tab from the form of this slot, if any. */
export function bookedFrom(slotId: number): BookedHere | null {
  const booked = read(BOOKED_KEY) as Partial<BookedHere> | null;
  if (
    typeof booked?.reference !== 'string' ||
    typeof booked.token !== 'string' ||
    !Array.isArray(booked.slotIds)
  )
    return null;
  return booked.slotIds.includes(slotId) ? (booked as BookedHere) : null;
}
