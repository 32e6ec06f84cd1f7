import { z } from 'zod';

/** What the public sites need to know about the temple itself: `GET /api/v1/temple`. */
export const templeSchema = z
  .object({
    name: z.string().describe('TEMPLE_NAME, shown at the top of every page'),
    timeZone: z.string().describe('TEMPLE_TIMEZONE: the IANA zone every date a person sees is in'),
    personalDataRetentionDays: z
      .number()
      .int()
      .describe(
        'PERSONAL_DATA_RETENTION_DAYS: days after a seva when its devotees’ details are anonymised (the privacy notice says so)',
      ),
  })
  .meta({ id: 'Temple' });
export type Temple = z.infer<typeof templeSchema>;
