import { z } from 'zod';

/**
 * Why messages are not going out, in the terms staff act on: WhatsApp could not be reached
 * (network, Twilio down), WhatsApp turned the messages away (account, template, number), it asked
 * us to slow down, or a send's outcome is being looked up.
 */
export const outboxTroubleCauses = [
  'unreachable',
  'refused',
  'throttled',
  'unknown_outcome',
] as const;
export type OutboxTroubleCause = (typeof outboxTroubleCauses)[number];

export const outboxHealthSchema = z
  .object({
    retrying: z
      .number()
      .int()
      .describe('Messages that failed at least once and will be tried again'),
    failed: z.number().int().describe('Messages WhatsApp refused; staff may send them again'),
    dead: z.number().int().describe('Messages given up on after every attempt'),
    nextTryAt: z.iso.datetime().nullable().describe('When the next retrying message is due'),
    lastError: z
      .object({
        cause: z.enum(outboxTroubleCauses),
        code: z.string().nullable(),
        message: z.string(),
        at: z.iso.datetime(),
      })
      .nullable()
      .describe('The newest error of a message still retrying, failed or dead'),
  })
  .meta({ id: 'OutboxHealth' });
export type OutboxHealth = z.infer<typeof outboxHealthSchema>;
