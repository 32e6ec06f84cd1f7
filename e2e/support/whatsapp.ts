import { expect } from '@playwright/test';
import { toE164 } from '@sevabook/shared';

/** A WhatsApp message the API sent, as the fake Twilio of global-setup.ts took it. */
export interface SentMessage {
  sid: string;
  /** `whatsapp:+91…` */
  to: string;
  /** The text; for a template, its variables joined by " | " (the fake fills no template). */
  body: string;
  status: string;
  sentAt: Date;
}

interface TwilioMessageResource {
  sid: string;
  to: string;
  body: string | null;
  status: string;
  date_created: string;
}

function fakeTwilio(): { url: string; accountSid: string; authToken: string } {
  const url = process.env.E2E_FAKE_TWILIO_URL;
  const accountSid = process.env.E2E_TWILIO_ACCOUNT_SID;
  const authToken = process.env.E2E_TWILIO_AUTH_TOKEN;
  if (!url || !accountSid || !authToken)
    throw new Error('E2E_FAKE_TWILIO_* is not set: run the specs through playwright.config.ts');
  return { url, accountSid, authToken };
}

/**
 * The WhatsApp messages sent to a phone so far, oldest first. The phone may be written as a
 * devotee types it ("98765 43210") or in E.164. It asks the fake Twilio through Twilio's own
 * message-list API, the same one the notifier reads, so any spec in any worker can call it.
 */
export async function messagesTo(phone: string): Promise<SentMessage[]> {
  const e164 = toE164(phone) ?? phone;
  const { url, accountSid, authToken } = fakeTwilio();
  const query = new URLSearchParams({ To: `whatsapp:${e164}`, PageSize: '1000' });
  const response = await fetch(
    `${url}/2010-04-01/Accounts/${accountSid}/Messages.json?${query.toString()}`,
    {
      headers: {
        authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
      },
    },
  );
  if (!response.ok) throw new Error(`The fake Twilio answered ${response.status}`);
  const { messages } = (await response.json()) as { messages: TwilioMessageResource[] };
  return messages
    .map((m) => ({
      sid: m.sid,
      to: m.to,
      body: m.body ?? '',
      status: m.status,
      sentAt: new Date(m.date_created),
    }))
    .reverse();
}

/**
 * Waits (the notifier sends after the transaction commits, a moment later) for a message to
 * this phone whose text matches, and returns it.
 */
export async function waitForMessageTo(
  phone: string,
  matching: RegExp | string,
  { timeout = 15_000 }: { timeout?: number } = {},
): Promise<SentMessage> {
  const matches = (m: SentMessage) =>
    typeof matching === 'string' ? m.body.includes(matching) : matching.test(m.body);
  let found: SentMessage | undefined;
  await expect
    .poll(
      async () => {
        found = (await messagesTo(phone)).find(matches);
        return found !== undefined;
      },
      { timeout, message: `a WhatsApp message to ${phone} matching ${String(matching)}` },
    )
    .toBe(true);
  return found!;
}
