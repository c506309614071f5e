import { Worker } from 'node:worker_threads';
import { AUDIO_THREAD_SOURCE } from './audio-thread-source.js';
import type { Pcm } from './call-pcm.js';

type Job =
  | { readonly type: 'speak'; readonly text: string; readonly voice: string; readonly rate: number }
  | {
      readonly type: 'mp3';
      readonly channels: readonly Pcm[];
      readonly rate: number;
      readonly kbps: number;
    };

type Reply =
  | { readonly id: number; readonly result: Int16Array | Uint8Array }
  | { readonly id: number; readonly error: string };

interface Pending {
  readonly resolve: (result: Int16Array | Uint8Array) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A worker thread for the audio work that would stall the API: speech synthesis and MP3
 * encoding. Jobs run one at a time, in order. The thread starts on first use, does not keep
 * the process alive, and is started again after it dies; a dead thread fails its pending jobs.
 */
export class AudioThread {
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | null = null;
  #nextId = 1;

  async speak(text: string, voice: string, rate: number): Promise<Pcm> {
    return (await this.#run({ type: 'speak', text, voice, rate })) as Pcm;
  }

  async encodeMp3(channels: readonly Pcm[], rate: number, kbps: number): Promise<Buffer> {
    const bytes = (await this.#run({ type: 'mp3', channels, rate, kbps })) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker !== null) await worker.terminate();
  }

  #run(job: Job): Promise<Int16Array | Uint8Array> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#thread().postMessage({ id, ...job });
    });
  }

  #thread(): Worker {
    if (this.#worker !== null) return this.#worker;
    const worker = new Worker(AUDIO_THREAD_SOURCE, {
      eval: true,
      workerData: {
        espeakUrl: import.meta.resolve('espeak-ng'),
        wavefileUrl: import.meta.resolve('wavefile'),
        lameUrl: import.meta.resolve('@breezystack/lamejs'),
      },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      this.#settle(reply);
    });
    worker.on('error', (error) => {
      this.#failAll(error);
    });
    worker.on('exit', () => {
      if (this.#worker === worker) this.#worker = null;
      this.#failAll(new Error('the audio thread exited'));
    });
    this.#worker = worker;
    return worker;
  }

  #settle(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (pending === undefined) return;
    this.#pending.delete(reply.id);
    if ('error' in reply) pending.reject(new Error(`audio thread job failed: ${reply.error}`));
    else pending.resolve(reply.result);
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}
