import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A small stand-in for Twilio's Messages API on 127.0.0.1, for the real `twilio` SDK to talk to
 * through Sevabook's HTTP client (TWILIO_API_BASE). It keeps every message it accepted, answers
 * the message list the notifier reads to reconcile, and can be told to misbehave: fail with a
 * status and error code, answer 429 with Retry-After, or take a message and never answer.
 */

export const FAKE_ACCOUNT_SID = `AC${'0'.repeat(31)}1`;
/** Random for each test process: no credential, not even a test double's, is a constant. */
export const FAKE_AUTH_TOKEN = randomBytes(16).toString('hex');

export interface FakeMessage {
  sid: string;
  to: string;
  from: string | undefined;
  messagingServiceSid: string | undefined;
  body: string | undefined;
  contentSid: string | undefined;
  contentVariables: Record<string, string> | undefined;
  statusCallback: string | undefined;
  status: string;
  /** When the fake took it (performance.now() and wall clock). */
  acceptedAt: number;
  dateCreated: Date;
}

export interface Failure {
  status: number;
  code?: number;
  message?: string;
  /** Seconds, sent as Retry-After. */
  retryAfter?: number;
}

/** What the next POST does instead of succeeding. */
export type Behaviour =
  | { kind: 'fail'; failure: Failure }
  /** Takes the message, then never answers: the sender times out not knowing. */
  | { kind: 'accept-and-hang' }
  /** Never answers and takes nothing. */
  | { kind: 'hang' };

export class FakeTwilio {
  readonly messages: FakeMessage[] = [];
  /** Every POST to the Messages API, including refused ones. */
  readonly attempts: { to: string; at: number; outcome: 'accepted' | 'refused' | 'hung' }[] = [];
  lookups = 0;
  private readonly queued: Behaviour[] = [];
  private outage: Failure | undefined;
  private readonly failingNumbers = new Map<string, Failure>();
  private readonly sockets = new Set<Socket>();
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | undefined;
  /** Added to every answer, to look like a real network. */
  latencyMs = 0;

  constructor(
    readonly accountSid = FAKE_ACCOUNT_SID,
    readonly authToken = FAKE_AUTH_TOKEN,
  ) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('The fake Twilio is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  /** The next POSTs behave like this, one behaviour per request, in order. */
  next(...behaviours: Behaviour[]): void {
    this.queued.push(...behaviours);
  }

  /** Every POST fails like this until `recover()`. */
  goDown(failure: Failure = { status: 503, code: 20500, message: 'Service unavailable' }): void {
    this.outage = failure;
  }

  recover(): void {
    this.outage = undefined;
  }

  /** Messages to this number fail with this error (e.g. 63016), for as long as the fake runs. */
  failFor(to: string, failure: Failure): void {
    this.failingNumbers.set(to.replace(/^whatsapp:/, ''), failure);
  }

  stopFailingFor(to: string): void {
    this.failingNumbers.delete(to.replace(/^whatsapp:/, ''));
  }

  messagesTo(to: string): FakeMessage[] {
    return this.messages.filter((m) => m.to === `whatsapp:${to}` || m.to === to);
  }

  /** Every try to send to this phone number, in order, whatever came of it. */
  attemptsTo(phone: string): FakeTwilio['attempts'] {
    return this.attempts.filter((a) => a.to === `whatsapp:${phone}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (!this.authorised(req)) {
      return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    }
    const base = `/2010-04-01/Accounts/${this.accountSid}/Messages`;
    if (req.method === 'POST' && url.pathname === `${base}.json`) {
      return this.create(new URLSearchParams(body), res);
    }
    if (req.method === 'GET' && url.pathname === `${base}.json`) {
      return this.list(url, res);
    }
    return json(res, 404, { code: 20404, message: 'Not found', status: 404 });
  }

  private create(form: URLSearchParams, res: ServerResponse): void {
    const to = form.get('To') ?? '';
    const at = performance.now();
    const behaviour = this.queued.shift();
    const failure =
      (behaviour?.kind === 'fail' ? behaviour.failure : undefined) ??
      this.outage ??
      this.failingNumbers.get(to.replace(/^whatsapp:/, ''));
    if (failure) {
      this.attempts.push({ to, at, outcome: 'refused' });
      if (failure.retryAfter !== undefined)
        res.setHeader('retry-after', String(failure.retryAfter));
      return json(res, failure.status, {
        code: failure.code ?? null,
        message: failure.message ?? `Failed with HTTP ${failure.status}`,
        more_info: failure.code ? `https://www.twilio.com/docs/errors/${failure.code}` : undefined,
        status: failure.status,
      });
    }
    if (behaviour?.kind === 'hang') {
      this.attempts.push({ to, at, outcome: 'hung' });
      this.hanging.add(res);
      return;
    }
    const variables = form.get('ContentVariables');
    const message: FakeMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from: form.get('From') ?? undefined,
      messagingServiceSid: form.get('MessagingServiceSid') ?? undefined,
      body: form.get('Body') ?? undefined,
      contentSid: form.get('ContentSid') ?? undefined,
      contentVariables: variables ? (JSON.parse(variables) as Record<string, string>) : undefined,
      statusCallback: form.get('StatusCallback') ?? undefined,
      status: 'queued',
      acceptedAt: at,
      dateCreated: new Date(),
    };
    this.messages.push(message);
    this.attempts.push({
      to,
      at,
      outcome: behaviour?.kind === 'accept-and-hang' ? 'hung' : 'accepted',
    });
    if (behaviour?.kind === 'accept-and-hang') {
      this.hanging.add(res);
      return;
    }
    json(res, 201, this.resource(message));
  }

  private list(url: URL, res: ServerResponse): void {
    this.lookups++;
    const to = url.searchParams.get('To');
    const pageSize = Number(url.searchParams.get('PageSize') ?? 50);
    const found = this.messages
      .filter((m) => !to || m.to === to)
      .sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime())
      .slice(0, pageSize);
    json(res, 200, {
      messages: found.map((m) => this.resource(m)),
      page: 0,
      page_size: pageSize,
      start: 0,
      end: Math.max(0, found.length - 1),
      uri: url.pathname + url.search,
      first_page_uri: url.pathname + url.search,
      next_page_uri: null,
      previous_page_uri: null,
    });
  }

  private resource(m: FakeMessage) {
    // Twilio fills a template's text in; the fake joins the variables, as good as a template.
    const body = m.body ?? Object.values(m.contentVariables ?? {}).join(' | ');
    return {
      sid: m.sid,
      account_sid: this.accountSid,
      to: m.to,
      from: m.from ?? null,
      messaging_service_sid: m.messagingServiceSid ?? null,
      body,
      status: m.status,
      num_segments: '1',
      num_media: '0',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      price: null,
      price_unit: 'USD',
      error_code: null,
      error_message: null,
      date_created: m.dateCreated.toUTCString(),
      date_updated: m.dateCreated.toUTCString(),
      date_sent: null,
      uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${m.sid}.json`,
      subresource_uris: {},
    };
  }

  private authorised(req: IncomingMessage): boolean {
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    return req.headers.authorization === expected;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
