/**
 * The user agent headers of a call, in the SDK v3 format:
 * `user-agent: sjc/<version> ua/2.1 os/<platform>#<release> lang/js md/nodejs#<node> api/<sdk id>#<api version> [custom]`
 * and `x-amz-user-agent: sjc/<version> [custom]`.
 */
import { platform, release } from "node:os";
import type { ServiceSchema } from "../schema.js";

/** The version of @sjc/runtime (a test holds it to package.json). */
export const RUNTIME_VERSION = "0.2.0";

export function userAgentHeaders(schema: ServiceSchema, custom: string): Record<string, string> {
  const sdk = `sjc/${RUNTIME_VERSION}`;
  const api = (schema.sdkId ?? schema.name).toLowerCase().replace(/ /g, "-");
  const node = typeof process === "object" && process.versions?.node ? ` md/nodejs#${process.versions.node}` : "";
  const tail = custom ? ` ${custom}` : "";
  return {
    "user-agent": `${sdk} ua/2.1 os/${platform()}#${release()} lang/js${node} api/${api}#${schema.version}${tail}`,
    "x-amz-user-agent": `${sdk}${tail}`,
  };
}
