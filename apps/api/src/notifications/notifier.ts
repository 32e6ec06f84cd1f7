import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { OutboxSettings } from '../config.ts';
import type { Db } from '../db/client.ts';
import {
  claimDue,
  ownedSids,
  recordAccepted,
  recordCancelled,
  recordFailed,
  recordRetry,
  recordThrottled,
  recordUnknownOutcome,
  recordUnresolved,
  releaseUnsent,
  type ClaimedJob,
} from './outbox-store.ts';
import { backoffDelay, Pacer } from './pacer.ts';
import { renderMessage, type RenderContext } from './render-message.ts';
import type { OutgoingMessage, SendOutcome, Transport } from './transport.ts';

/**
 * The outbox notifier: claims due rows, sends them outside any transaction, and records what
 * happened. Any number of notifiers may run against one database (in API processes or as
 * `pnpm --filter @sevabook/api worker`). See docs/decisions/0004-outbox-notifier.md.
 *
 * A row's life: pending → (claimed) sending → sent → delivered → read; a retryable failure puts
 * it back to pending with a later due time, until dead after `maxAttempts`; an error no retry
 * can fix makes it failed. A row left `sending` past its lease (the worker died, or a timeout
 * left its outcome unknown) is looked up at Twilio before it is ever sent again.
 */

export interface NotifierLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
  debug(object: object, message: string): void;
}

export interface NotifierOptions {
  db: Db;
  transport: Transport;
  settings: OutboxSettings;
  render: RenderContext;
  log: NotifierLog;
  workerId?: string;
  /**
   * Work that runs in the notifier's process alongside it, started and stopped with it: the
   * daily anonymisation of bookings past their retention period (privacy/retention.ts).
   */
  housekeeping?: { start(): void; stop(): Promise<void> };
}

/** A claimed row is sent only if its lease outlasts the send's timeout by this much. */
const LEASE_MARGIN_MS = 1_000;

export class Notifier {
  readonly workerId: string;
  private readonly pacer: Pacer;
  private readonly batchSize: number;
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly sleepers = new Set<() => void>();
  /** Sends started and not yet recorded (process() never rejects). */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: NotifierOptions) {
    this.workerId =
      options.workerId ??
      `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.pacer = new Pacer(options.settings.ratePerSec);
    // About a second's worth of sends per claim, so claimed rows never wait long for their turn.
    this.batchSize = Math.max(1, Math.ceil(options.settings.ratePerSec));
  }

  get transportName(): string {
    return this.options.transport.name;
  }

  /** Starts the loop in the background; `stop()` ends it. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.options.log.info(
      { workerId: this.workerId },
      `Notifier started: ${this.options.transport.describe()}`,
    );
    this.running = this.loop();
    this.options.housekeeping?.start();
  }

  /**
   * Stops claiming, lets sends in flight finish and be recorded, and hands back rows claimed
   * but not yet sent, so another notifier can take them at once.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const wake of [...this.sleepers]) wake();
    await Promise.all([this.running, this.options.housekeeping?.stop()]);
    this.running = undefined;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (err) {
        this.options.log.error(
          { err },
          'notifier: claiming from the outbox failed; trying again shortly',
        );
        await this.sleep(this.options.settings.pollMs * 4);
      }
      if (handled === 0) await this.sleep(this.options.settings.pollMs);
    }
    await Promise.all(this.inFlight);
  }

  /**
   * One claim-and-send round. Returns how many rows it claimed. It returns once the last send
   * has been started, not finished: the next claim overlaps the replies still on their way, so
   * a backlog drains at the full rate instead of pausing for a round trip every batch.
   */
  async runOnce(): Promise<number> {
    const paused = this.pacer.pausedUntil;
    if (paused) {
      await this.sleep(paused - Date.now());
      return 0;
    }
    while (this.inFlight.size >= this.batchSize * 2) await Promise.race(this.inFlight);
    const jobs = await claimDue(this.options.db, {
      workerId: this.workerId,
      limit: this.batchSize,
      leaseMs: this.options.settings.leaseMs,
      now: new Date(),
    });
    if (jobs.length === 0) return 0;

    const unsent: ClaimedJob[] = [];
    for (const job of jobs) {
      if (
        this.stopping ||
        this.pacer.pausedUntil ||
        !(await this.pacer.take(
          (ms) => this.sleep(ms),
          () => this.stopping,
        ))
      ) {
        unsent.push(job);
        continue;
      }
      if (
        Date.now() + this.options.settings.sendTimeoutMs + LEASE_MARGIN_MS >
        job.leaseUntil.getTime()
      ) {
        // Sending now could outlast the lease, and another worker could then send it too.
        unsent.push(job);
        continue;
      }
      this.track(this.process(job));
    }
    if (unsent.length > 0) {
      const dueAt = new Date(Math.max(Date.now(), this.pacer.pausedUntil));
      await releaseUnsent(this.options.db, this.workerId, unsent, dueAt);
    }
    return jobs.length;
  }

  private track(send: Promise<void>): void {
    this.inFlight.add(send);
    void send.finally(() => this.inFlight.delete(send));
  }

  private async process(job: ClaimedJob): Promise<void> {
    try {
      await this.attempt(job);
    } catch (err) {
      // Most likely the database went away while recording. The row stays `sending`; when its
      // lease runs out it is looked up at Twilio, so nothing is lost or sent twice.
      this.options.log.error({ err, notificationId: job.id }, 'notifier: could not record a send');
    }
  }

  private async attempt(job: ClaimedJob): Promise<void> {
    const { db } = this.options;
    const now = new Date();
    if (
      job.kind === 'reminder' &&
      (job.booking.status !== 'confirmed' || job.booking.slot.startsAt <= now)
    ) {
      await recordCancelled(
        db,
        this.workerId,
        job.id,
        'The booking was cancelled or its seva has begun.',
      );
      return;
    }
    const message: OutgoingMessage = {
      notificationId: job.id,
      kind: job.kind,
      to: job.booking.phone,
      message: renderMessage(job.kind, job.booking, this.options.render),
      createdAt: job.createdAt,
    };
    const attempts = job.reconcile ? await this.reconcile(job, message, now) : job.attempts;
    if (attempts === undefined) return;
    await this.record(job, attempts, await this.options.transport.send(message));
  }

  /**
   * A row found `sending` after its lease: looks the message up at Twilio before sending it
   * again (docs/decisions/0004). The attempts to send with, or undefined when settled here.
   */
  private async reconcile(
    job: ClaimedJob,
    message: OutgoingMessage,
    now: Date,
  ): Promise<number | undefined> {
    const { db, transport, settings, log } = this.options;
    const me = this.workerId;
    const found = await transport.lookup(message, (sids) => ownedSids(db, sids));
    if (found.kind === 'found') {
      log.info(
        { notificationId: job.id, sid: found.sid },
        'notifier: an earlier send did arrive; recorded it',
      );
      await recordAccepted(db, me, { id: job.id, attempts: job.attempts }, found, now);
      return undefined;
    }
    if (found.kind === 'error') {
      const attempts = job.attempts + 1;
      if (attempts >= settings.maxAttempts) {
        log.error(
          { notificationId: job.id, reason: found.reason },
          'notifier: gave up looking a message up',
        );
        await recordUnresolved(db, me, { id: job.id, attempts }, found.reason);
      } else {
        const lookUpAt = new Date(Date.now() + this.backoff(attempts));
        await recordUnknownOutcome(db, me, { id: job.id, attempts }, found.reason, lookUpAt);
      }
      return undefined;
    }
    // Twilio has no such message: the earlier attempt never arrived, so sending is safe.
    if (job.attempts >= settings.maxAttempts) {
      await recordRetry(
        db,
        me,
        { id: job.id, attempts: job.attempts },
        { code: 'unknown_outcome', reason: 'The last attempt never reached Twilio.' },
        now,
        settings.maxAttempts,
      );
      return undefined;
    }
    return job.attempts + 1;
  }

  /** Records what Twilio answered to a send. */
  private async record(job: ClaimedJob, attempts: number, outcome: SendOutcome): Promise<void> {
    const { db, settings, log } = this.options;
    const me = this.workerId;
    const row = { id: job.id, attempts };
    switch (outcome.kind) {
      case 'accepted':
        await recordAccepted(db, me, row, outcome, new Date());
        log.debug({ notificationId: job.id, sid: outcome.sid }, 'notifier: sent');
        return;
      case 'permanent':
        log.warn(
          { notificationId: job.id, code: outcome.code, reason: outcome.reason },
          'notifier: message failed for good',
        );
        await recordFailed(db, me, row, outcome);
        return;
      case 'retry': {
        const retryAt = new Date(Date.now() + this.backoff(attempts));
        const status = await recordRetry(db, me, row, outcome, retryAt, settings.maxAttempts);
        const level = status === 'dead' ? 'error' : 'warn';
        log[level](
          { notificationId: job.id, attempts, code: outcome.code, reason: outcome.reason, status },
          'notifier: send failed',
        );
        return;
      }
      case 'throttled':
        return this.recordThrottled(job, attempts, outcome);
      case 'unknown':
        log.warn(
          { notificationId: job.id, reason: outcome.reason },
          'notifier: send outcome unknown; will look it up',
        );
        await recordUnknownOutcome(
          db,
          me,
          row,
          outcome.reason,
          new Date(Date.now() + settings.reconcileAfterMs),
        );
        return;
    }
  }

  /** Twilio asked this process to slow down: the pacer waits, and the try does not count. */
  private async recordThrottled(
    job: ClaimedJob,
    attempts: number,
    outcome: Extract<SendOutcome, { kind: 'throttled' }>,
  ): Promise<void> {
    this.pacer.pause(outcome.retryAfterMs);
    this.options.log.warn(
      { notificationId: job.id, retryAfterMs: outcome.retryAfterMs },
      'notifier: Twilio asked us to slow down',
    );
    await recordThrottled(
      this.options.db,
      this.workerId,
      { id: job.id, attemptsBefore: attempts - 1 },
      outcome.reason,
      new Date(Date.now() + outcome.retryAfterMs),
    );
  }

  private backoff(attempts: number): number {
    return backoffDelay(
      attempts,
      this.options.settings.backoffBaseMs,
      this.options.settings.backoffMaxMs,
    );
  }

  /** Sleeps, or returns early when stop() is called. */
  private sleep(ms: number): Promise<void> {
    if (this.stopping || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
