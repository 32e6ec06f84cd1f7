/**
 * How many live-availability streams this process holds, per client address and in total. A
 * stream is a socket and a listener for as long as the page is open, so without a cap one
 * address could open them until the process runs out of memory or file descriptors. The cap
 * per address is generous: a temple's Wi-Fi or a carrier's NAT puts many devotees behind one.
 */
export type StreamRefusal = 'address_full' | 'process_full';

export class StreamLimits {
  private readonly perAddress = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: { maxPerAddress: number; maxTotal: number }) {}

  /** Takes a place for a stream from `address`: a release function, or why there is none. */
  admit(address: string): (() => void) | StreamRefusal {
    const held = this.perAddress.get(address) ?? 0;
    if (held >= this.limits.maxPerAddress) return 'address_full';
    if (this.total >= this.limits.maxTotal) return 'process_full';
    this.perAddress.set(address, held + 1);
    this.total += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total -= 1;
      const left = (this.perAddress.get(address) ?? 1) - 1;
      if (left === 0) this.perAddress.delete(address);
      else this.perAddress.set(address, left);
    };
  }

  get open(): number {
    return this.total;
  }
}
