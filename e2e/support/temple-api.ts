import type { APIRequestContext } from '@playwright/test';
import type { CreatedBooking, Seva, Slot } from '@sevabook/shared';

/** What the specs ask the real API, to choose sevas and slots the seed has made. */
export async function sevas(request: APIRequestContext): Promise<Seva[]> {
  const response = await request.get('/api/v1/sevas');
  if (!response.ok()) throw new Error(`GET /sevas answered ${response.status()}`);
  return ((await response.json()) as { items: Seva[] }).items;
}

export async function slotsOf(
  request: APIRequestContext,
  sevaId: number,
  from: string,
  to: string,
): Promise<Slot[]> {
  const response = await request.get(`/api/v1/slots?from=${from}&to=${to}&sevaId=${sevaId}`);
  if (!response.ok()) throw new Error(`GET /slots answered ${response.status()}`);
  return ((await response.json()) as { items: Slot[] }).items;
}

export async function slot(request: APIRequestContext, id: number): Promise<Slot> {
  const response = await request.get(`/api/v1/slots/${id}`);
  return (await response.json()) as Slot;
}

/**
 * A bookable slot with at least `minRemaining` places, of a seva that matches, skipping slots
 * other specs have used (`taken`), so each spec works on places of its own.
 */
export async function findBookableSlot(
  request: APIRequestContext,
  options: { minRemaining?: number; seva?: (s: Seva) => boolean; taken?: Set<number> } = {},
): Promise<{ seva: Seva; slot: Slot }> {
  const { minRemaining = 1, seva: match = () => true, taken = usedSlots } = options;
  for (const seva of (await sevas(request)).filter(match)) {
    const from = seva.nextOpenDates[0];
    if (!from) continue;
    const to = addDays(from, 20);
    const found = (await slotsOf(request, seva.id, from, to)).find(
      (s) => s.bookable && s.remaining >= minRemaining && !taken.has(s.id),
    );
    if (found) {
      taken.add(found.id);
      return { seva, slot: found };
    }
  }
  throw new Error('No bookable slot left in the demo data for this spec');
}

const usedSlots = new Set<number>();

let phoneCounter = 0;
/** A valid Indian mobile number no other booking in this run has used. */
export function uniquePhone(): string {
  phoneCounter += 1;
  const tail = String((Date.now() % 1_000_000) * 100 + (phoneCounter % 100))
    .padStart(8, '0')
    .slice(-8);
  return `98${tail}`;
}

export async function bookViaApi(
  request: APIRequestContext,
  slotId: number,
  details: { persons?: number; devoteeName?: string; phone?: string } = {},
): Promise<CreatedBooking> {
  const response = await request.post('/api/v1/bookings', {
    data: {
      slotId,
      devoteeName: details.devoteeName ?? 'Another Devotee',
      phone: details.phone ?? uniquePhone(),
      persons: details.persons ?? 1,
      language: 'en',
    },
  });
  if (response.status() !== 201)
    throw new Error(`POST /bookings answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as CreatedBooking;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The path part of a manage URL (the API builds it from PUBLIC_URL). */
export function pathOf(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}
