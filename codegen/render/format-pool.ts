/**
 * Formats texts with prettier, on worker threads and in this thread. Jobs are
 * taken as they are submitted, so formatting overlaps with emitting and
 * printing the next files; each idle worker takes the next job, and this
 * thread takes jobs too once it has nothing else to do ({@link FormatPool.help}).
 *
 * A worker loads prettier and its TypeScript parser as soon as it starts, so
 * a pool made when the process starts (as `cli.ts` makes one) has prettier
 * ready by the time the first file is printed: the load overlaps with loading
 * the generator. Workers asked for up front start one after another, each
 * once the one before has loaded, so that only one load at a time competes
 * with this thread for the processor.
 */
import { Worker } from "node:worker_threads";
import { PRETTIER_OPTIONS, TYPESCRIPT_PARSER } from "./prettier-options.js";

export interface FormatJob {
  readonly path: string;
  readonly text: string;
  readonly parser: typeof TYPESCRIPT_PARSER | "json" | "markdown";
}

interface Pending {
  readonly job: FormatJob;
  readonly resolve: (text: string) => void;
  readonly reject: (error: Error) => void;
}

/** What a worker sends: once `ready` when prettier is loaded, then one reply per job. */
type Reply = { ready?: true; text?: string; error?: string };

interface Thread {
  readonly worker: Worker;
  ready: boolean;
  /** The job the worker is formatting. */
  current?: Pending;
}

const WORKER_URL = new URL("./format-worker.mjs", import.meta.url);

/** prettier's `format`, loaded on first use: a pool whose workers do all the formatting never loads it here. */
let inThread: Promise<typeof import("prettier").format> | undefined;
const formatHere = (job: FormatJob): Promise<string> => {
  inThread ??= import("prettier").then((prettier) => prettier.format);
  return inThread.then((format) => format(job.text, { ...PRETTIER_OPTIONS, parser: job.parser }));
};

export class FormatPool {
  private readonly all: Thread[] = [];
  private readonly queue: Pending[] = [];
  /** Workers wanted; those not started yet start as the last one started becomes ready, or when jobs wait. */
  private wanted = 0;
  private closed = false;
  /** Set when a worker died: no more are started, and jobs that no worker is left to take fail with it. */
  private failure: Error | undefined;

  /** Starts `threads` workers (one now, the others one by one); with none, every job is formatted in this thread. */
  constructor(threads: number) {
    this.grow(threads);
  }

  /** The number of worker threads, started or still to start. */
  get threads(): number {
    return Math.max(this.wanted, this.all.length);
  }

  /** Asks for `threads` workers in all. */
  grow(threads: number): void {
    this.wanted = Math.max(this.wanted, threads);
    this.startNext();
  }

  format(job: FormatJob): Promise<string> {
    if (this.closed) return Promise.reject(new Error("the formatter was closed"));
    if (this.threads === 0) return formatHere(job);
    if (this.failure !== undefined && this.all.length === 0) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Formats queued jobs in this thread until none is left waiting; for a
   * caller that has nothing else to do than wait for the workers.
   */
  async help(): Promise<void> {
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      const { job, resolve, reject } = next;
      await formatHere(job).then(resolve, (error: Error) =>
        reject(new Error(`prettier failed on ${job.path}: ${error.message}`)),
      );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const threads = this.all.splice(0);
    for (const { current } of threads) current?.reject(new Error("the formatter was closed"));
    for (const { reject } of this.queue.splice(0)) reject(new Error("the formatter was closed"));
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  /**
   * Starts the next wanted worker when none is loading: at once when there
   * is none yet or jobs are waiting, else when the last one is ready.
   */
  private startNext(): void {
    if (this.closed || this.failure !== undefined || this.all.length >= this.wanted) return;
    const loading = this.all.some((t) => !t.ready);
    if (loading && this.queue.length === 0) return;
    const thread: Thread = {
      worker: new Worker(WORKER_URL, { workerData: { parser: TYPESCRIPT_PARSER } }),
      ready: false,
    };
    thread.worker.on("message", (reply: Reply) => this.onReply(thread, reply));
    thread.worker.on("error", (error: Error) => this.onError(thread, error));
    this.all.push(thread);
    this.dispatch();
  }

  private onReply(thread: Thread, reply: Reply): void {
    if (reply.ready) {
      thread.ready = true;
      this.startNext();
      return;
    }
    const pending = thread.current;
    thread.current = undefined;
    // None after `close`, which failed the job already.
    if (pending === undefined) return;
    if (reply.error !== undefined) pending.reject(new Error(`prettier failed on ${pending.job.path}: ${reply.error}`));
    else pending.resolve(reply.text!);
    this.dispatch();
  }

  private onError(thread: Thread, error: Error): void {
    this.failure ??= error;
    const at = this.all.indexOf(thread);
    if (at >= 0) this.all.splice(at, 1);
    thread.current?.reject(error);
    if (this.all.length === 0) for (const { reject } of this.queue.splice(0)) reject(error);
  }

  private dispatch(): void {
    for (const thread of this.all) {
      if (thread.current !== undefined) continue;
      const next = this.queue.shift();
      if (next === undefined) return;
      thread.current = next;
      thread.worker.postMessage({ text: next.job.text, options: { ...PRETTIER_OPTIONS, parser: next.job.parser } });
    }
    // Jobs still waiting: every started worker is busy.
    if (this.queue.length > 0) this.startNext();
  }
}
