/** Captured at load, so tests that fake timers after importing still see batches run. */
const schedule = globalThis.setImmediate;

interface Pending<In, Out> {
  readonly input: In;
  readonly resolve: (output: Out) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Collects the calls made during one turn of the event loop and runs them as one (`runMany`:
 * one transaction, one round trip), which costs the store far less than one each. If the batch
 * fails, every call runs again alone (`runOne`), so one bad call cannot fail its neighbours.
 * That rerun is only safe if `runMany` is all or nothing: when it throws, nothing it did stays
 * committed (one transaction, and nothing that can fail after its commit).
 */
export class TurnBatch<In, Out> {
  readonly #runMany: (inputs: readonly In[]) => Promise<readonly Out[]>;
  readonly #runOne: (input: In) => Promise<Out>;
  #pending: Pending<In, Out>[] = [];

  constructor(
    runMany: (inputs: readonly In[]) => Promise<readonly Out[]>,
    runOne: (input: In) => Promise<Out>,
  ) {
    this.#runMany = runMany;
    this.#runOne = runOne;
  }

  /** Settles with `input`'s own result once the batch holding it has run. */
  add(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      if (this.#pending.length === 0) schedule(() => void this.#flush());
      this.#pending.push({ input, resolve, reject });
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#pending;
    this.#pending = [];
    let outputs: readonly Out[];
    try {
      outputs = await this.#runMany(batch.map((entry) => entry.input));
    } catch {
      for (const entry of batch) this.#runOne(entry.input).then(entry.resolve, entry.reject);
      return;
    }
    batch.forEach((entry, index) => {
      if (index < outputs.length) entry.resolve(outputs[index] as Out);
      else entry.reject(new Error(`A batch of ${batch.length} got ${outputs.length} results`));
    });
  }
}
