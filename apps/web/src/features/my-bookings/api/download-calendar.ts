import { apiRequest } from '../../../lib/api-client.ts';
import { sessionHeaders } from './get-my-bookings.ts';

/**
 * The booking's calendar file. A plain link cannot carry the session (it is a header, not part
 * of the address), so the file is fetched and handed to the browser as a download.
 */
export async function downloadCalendar(reference: string, token: string): Promise<void> {
  const text = await apiRequest<string>(`/bookings/${encodeURIComponent(reference)}.ics`, {
    headers: { ...sessionHeaders(token), Accept: 'text/calendar' },
    as: 'text',
  });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${reference}.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
