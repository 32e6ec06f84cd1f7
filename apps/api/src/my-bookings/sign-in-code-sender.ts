import { maskPhoneForViewer } from '@sevabook/shared';
import type { Config } from '../config.ts';
import { STATUS_CALLBACK_PATH } from '../notifications/delivery-status.ts';
import type { RenderedMessage } from '../notifications/render-message.ts';
import type { LogSink, SendOutcome } from '../notifications/transport.ts';
import { TwilioTransport } from '../notifications/twilio-transport.ts';

/**
 * How a sign-in code leaves: through Twilio's WhatsApp API with the notifier's own transport
 * (the official SDK, its autoRetry off) when Twilio is configured, or a line in the log that
 * says a code went to a masked number, and never the code: whoever reads the log must not be
 * able to sign in as the devotee.
 *
 * A code is not an outbox message: it is sent at once, while the devotee waits for it, and a
 * failed send is answered to them (they ask again) rather than retried later, when the code
 * could have expired.
 */
export interface SignInCodeSender {
  send(to: string, message: RenderedMessage): Promise<SendOutcome>;
}

export function chooseSignInCodeSender(config: Config, log: LogSink): SignInCodeSender {
  const { twilio } = config;
  if (!twilio) {
    return {
      async send(to) {
        log.info(
          { to: maskPhoneForViewer(to) },
          `WhatsApp sign-in code to ${maskPhoneForViewer(to)} (log transport: not sent)`,
        );
        return { kind: 'accepted', sid: null, status: 'sent' };
      },
    };
  }
  // NOTE: the transport picks a template by message kind from the map it is given. This
  // transport is the sign-in code's alone, so its map holds the sign-in code's templates under
  // the one kind it is asked to send. The status callback names no outbox row: Twilio's reports
  // on a code are answered and change nothing.
  const kind = 'confirmation' as const;
  const transport = new TwilioTransport(
    { ...twilio, contentSids: { [kind]: config.myBookings.contentSids } },
    () => `${config.publicUrl}${STATUS_CALLBACK_PATH}`,
    config.outbox.sendTimeoutMs,
  );
  return {
    send: (to, message) =>
      transport.send({ notificationId: 0, kind, to, message, createdAt: new Date() }),
  };
}
