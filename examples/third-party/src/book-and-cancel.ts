/**
 * Another program booking a seva through Sevabook's API, as a temple's kiosk or a travel desk
 * would: with a client generated from the OpenAPI document the API serves (openapi-typescript
 * for the types, openapi-fetch for the calls), so every path, parameter, body and answer below
 * is checked by the compiler against the document.
 *
 *   SEVABOOK_API_URL=http://localhost:3000 pnpm --filter @sevabook/third-party-example start
 *
 * It finds the first bookable slot in the coming fortnight (of SEVA_ID's seva, when set), books
 * one place, looks the booking up, downloads its calendar file and cancels it, and prints what
 * it did as one line of JSON.
 */
import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/sevabook-api.ts';

type Problem = components['schemas']['Problem'];

const baseUrl = process.env.SEVABOOK_API_URL ?? 'http://localhost:3000';
const sevaId = process.env.SEVA_ID ? Number(process.env.SEVA_ID) : undefined;
const api = createClient<paths>({ baseUrl });

/** An answer's data, or the API's problem+json as an error saying what went wrong. */
function ok<T>(step: string, result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    const problem = result.error as Partial<Problem> | undefined;
    throw new Error(
      `${step}: ${result.response.status} ${problem?.code ?? ''} ${problem?.detail ?? ''}`.trim(),
    );
  }
  return result.data;
}

function isoDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

async function main() {
  const slots = ok(
    'listSlots',
    await api.GET('/api/v1/slots', {
      params: { query: { from: isoDate(0), to: isoDate(14), ...(sevaId ? { sevaId } : {}) } },
    }),
  );
  const slot = slots.items.find((s) => s.bookable && s.remaining > 0);
  if (!slot) throw new Error('No bookable slot in the coming fortnight.');

  const booked = ok(
    'createBooking',
    await api.POST('/api/v1/bookings', {
      params: { header: { 'idempotency-key': randomUUID() } },
      body: {
        slotId: slot.id,
        devoteeName: 'Travel Desk Guest',
        phone: '+919876543210',
        persons: 1,
      },
    }),
  );
  const booking = { path: { reference: booked.reference } };
  const token = { 'x-booking-token': booked.manageToken };

  const found = ok(
    'getBooking',
    await api.GET('/api/v1/bookings/{reference}', { params: { ...booking, header: token } }),
  );

  const calendar = ok(
    'getBookingCalendar',
    await api.GET('/api/v1/bookings/{reference}.ics', {
      params: { ...booking, header: token },
      parseAs: 'text',
    }),
  );

  const cancelled = ok(
    'cancelBooking',
    await api.POST('/api/v1/bookings/{reference}/cancel', {
      params: { ...booking, header: token },
      body: { reason: 'Plans changed' },
    }),
  );

  process.stdout.write(
    `${JSON.stringify({
      slotId: slot.id,
      reference: booked.reference,
      bookedStatus: found.status,
      calendarEvent: calendar.includes('BEGIN:VEVENT'),
      cancelledStatus: cancelled.status,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
