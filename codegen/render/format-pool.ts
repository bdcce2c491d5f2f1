/**
 * Formats texts with prettier, in this thread or on worker threads. Jobs are
 * taken as they are submitted, so formatting overlaps with printing the next
 * files; each idle worker takes the next job.
 */
import { Worker } from "node:worker_threads";
import { format } from "prettier";
import { PRETTIER_OPTIONS } from "./prettier-options.js";

export interface FormatJob {
  readonly path: string;
  readonly text: string;
  readonly parser: "typescript" | "json" | "json-stringify";
}

interface Pending {
  readonly job: FormatJob;
  readonly resolve: (text: string) => void;
  readonly reject: (error: Error) => void;
}

type Reply = { text?: string; error?: string };

export class FormatPool {
  private readonly idle: Worker[];
  private readonly all: Worker[];
  private readonly queue: Pending[] = [];

  constructor(threads: number) {
    const url = new URL("./format-worker.mjs", import.meta.url);
    this.all = Array.from({ length: threads }, () => new Worker(url));
    this.idle = [...this.all];
  }

  format(job: FormatJob): Promise<string> {
    if (this.all.length === 0) return format(job.text, { ...PRETTIER_OPTIONS, parser: job.parser });
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const { job, resolve, reject } = this.queue.shift()!;
      const onError = (error: Error) => reject(error);
      worker.once("error", onError);
      worker.once("message", (reply: Reply) => {
        worker.off("error", onError);
        if (reply.error !== undefined) reject(new Error(`prettier failed on ${job.path}: ${reply.error}`));
        else resolve(reply.text!);
        this.idle.push(worker);
        this.dispatch();
      });
      worker.postMessage({ text: job.text, options: { ...PRETTIER_OPTIONS, parser: job.parser } });
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
