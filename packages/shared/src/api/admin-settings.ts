import { z } from 'zod';

/** Settings an admin changes from the admin site, kept in the temple_setting table. */
export const templeSettingsSchema = z
  .strictObject({
    noShowLimit: z
      .number()
      .int()
      .min(0)
      .max(100)
      .describe(
        'No-shows within the window after which a phone may not book on the devotee site ' +
          '(the counter still can); 0 = no limit',
      ),
    noShowWindowDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .describe('How many days back no-shows are counted'),
  })
  .meta({ id: 'TempleSettings' });
export type TempleSettings = z.infer<typeof templeSettingsSchema>;

export const DEFAULT_TEMPLE_SETTINGS: TempleSettings = { noShowLimit: 0, noShowWindowDays: 90 };
