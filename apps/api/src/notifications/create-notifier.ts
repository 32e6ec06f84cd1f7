import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { ManageTokens } from '../bookings/manage-token.ts';
import { PersonalDataRetention } from '../privacy/retention.ts';
import { STATUS_CALLBACK_PATH } from './delivery-status.ts';
import { Notifier, type NotifierLog } from './notifier.ts';
import { LogTransport, type Transport } from './transport.ts';
import { TwilioTransport } from './twilio-transport.ts';

/** Twilio when its credentials are configured; otherwise the log transport. */
export function chooseTransport(config: Config, log: NotifierLog): Transport {
  if (!config.twilio) return new LogTransport(log);
  return new TwilioTransport(
    config.twilio,
    (notificationId) => `${config.publicUrl}${STATUS_CALLBACK_PATH}?notification=${notificationId}`,
    config.outbox.sendTimeoutMs,
  );
}

export interface NotifierOverrides {
  transport?: Transport;
  workerId?: string;
}

/** The notifier for this configuration, ready to start(). */
export function createNotifier(
  config: Config,
  db: Db,
  log: NotifierLog,
  overrides: NotifierOverrides = {},
): Notifier {
  const tokens = new ManageTokens(config.bookingLinkSecret);
  return new Notifier({
    db,
    transport: overrides.transport ?? chooseTransport(config, log),
    settings: config.outbox,
    log,
    ...(overrides.workerId ? { workerId: overrides.workerId } : {}),
    housekeeping: new PersonalDataRetention(db, config.personalDataRetentionDays, log),
    render: {
      timeZone: config.templeTimeZone,
      templeName: config.templeName,
      manageUrl: (reference, language) =>
        `${config.publicUrl}/manage/${reference}?token=${tokens.tokenFor(reference)}&lang=${language}`,
      templeAddress: config.templeAddress,
      templeMapUrl: config.templeMapUrl,
      sevaUrl: (sevaId) => `${config.publicUrl}/sevas/${sevaId}`,
    },
  });
}
