/**
 * One read at a time; callers that arrive while it runs share the one started after it.
 *
 * A caller never gets the result of a read that was already running when it asked (that read
 * may predate a write the caller has just seen committed), so sharing never makes an answer
 * staler than reading alone would. Under load, many requests for the same row or list cost
 * the database about one read per round trip instead of one each.
 */
export class SharedRead<T> {
  private running: Promise<T> | undefined;
  private queued: Promise<T> | undefined;

  constructor(private readonly read: () => Promise<T>) {}

  next(): Promise<T> {
    if (!this.running) return this.start();
    this.queued ??= this.running.then(
      () => this.startQueued(),
      () => this.startQueued(),
    );
    return this.queued;
  }

  private startQueued(): Promise<T> {
    this.queued = undefined;
    return this.start();
  }

  private start(): Promise<T> {
    const started = this.read();
    this.running = started;
    const clear = () => {
      if (this.running === started) this.running = undefined;
    };
    started.then(clear, clear);
    return started;
  }
}

/** SharedReads by key, forgotten wholesale when there are too many. */
export class SharedReads<K, T> {
  private readonly reads = new Map<K, SharedRead<T>>();

  constructor(
    private readonly read: (key: K) => Promise<T>,
    private readonly maxKeys = 1_000,
  ) {}

  next(key: K): Promise<T> {
    let shared = this.reads.get(key);
    if (!shared) {
      if (this.reads.size >= this.maxKeys) this.reads.clear();
      shared = new SharedRead(() => this.read(key));
      this.reads.set(key, shared);
    }
    return shared.next();
  }
}
