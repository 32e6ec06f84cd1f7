import { z } from 'zod';

/** What the public sites need to know about the temple itself: `GET /api/v1/temple`. */
export const templeSchema = z
  .object({
    name: z.string().describe('TEMPLE_NAME, shown at the top of every page'),
    timeZone: z.string().describe('TEMPLE_TIMEZONE: the IANA zone every date a person sees is in'),
  })
  .meta({ id: 'Temple' });
export type Temple = z.infer<typeof templeSchema>;
