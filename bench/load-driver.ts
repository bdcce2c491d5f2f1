/** autocannon, run in this process against a server in another, reduced to the figures we report. */
import autocannon from "autocannon";

export interface LoadSettings {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** Each connection sends these in turn, over and over. */
  readonly requests: autocannon.Request[];
  /** Seconds before a request counts as timed out. Default 10. */
  readonly timeoutSeconds?: number;
}

export interface LoadFigures {
  /** Mean of the per-second request counts. */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly completed: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly mismatches: number;
  readonly statusCounts: Readonly<Record<string, number>>;
}

export function runLoad(settings: LoadSettings): Promise<LoadFigures> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: settings.url,
        connections: settings.connections,
        duration: settings.seconds,
        requests: settings.requests,
        timeout: settings.timeoutSeconds ?? 10,
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        const statusCounts: Record<string, number> = {};
        for (const [status, { count }] of Object.entries(result.statusCodeStats)) statusCounts[status] = count;
        resolve({
          rps: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          maxMs: result.latency.max,
          completed: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          mismatches: result.mismatches,
          statusCounts,
        });
      },
    );
  });
}
