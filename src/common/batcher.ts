/**
 * Groups concurrent calls into batches without adding latency: a call goes out at once while fewer
 * than `maxInFlight` batches are running; otherwise it waits and leaves with the others that queued
 * meanwhile (up to `maxBatch`) as soon as a running batch finishes. An idle system therefore sends
 * batches of one; a busy one sends fewer, larger batches, which is what makes it cheaper per item
 * (one round trip, one plan, one commit for many).
 *
 * `run` answers each batch with one result per item, in the items' order. If it throws, every item
 * of that batch gets the error (callers decide whether to retry on their own).
 */
export class Batcher<In, Out> {
  private readonly waiting: { item: In; resolve: (out: Out) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: In[]) => Promise<Out[]>,
    private readonly limits: { maxBatch: number; maxInFlight: number },
  ) {}

  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.limits.maxInFlight && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.limits.maxBatch);
      this.inFlight++;
      void this.send(batch);
    }
  }

  private async send(batch: typeof this.waiting): Promise<void> {
    try {
      const results = await this.run(batch.map((b) => b.item));
      if (results.length !== batch.length) throw new Error(`batch of ${batch.length} answered with ${results.length} results`);
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (error) {
      for (const b of batch) b.reject(error);
    } finally {
      this.inFlight--;
      this.flush();
    }
  }
}
