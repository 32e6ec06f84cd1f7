/** The time of an instant on the temple's clock, e.g. "10:42 am" (a hold's end). */
export function formatClock(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-IN', { hour: 'numeric', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}
