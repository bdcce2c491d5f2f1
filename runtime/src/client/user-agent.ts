/**
 * The user agent headers of a call, in the SDK v3 format:
 * `user-agent: sjc/<version> ua/2.1 os/<platform>#<release> lang/js md/nodejs#<node> api/<sdk id>#<api version> [custom]`
 * and `x-amz-user-agent: sjc/<version> [custom]`.
 */
import { SETS_USER_AGENT_HEADER, userAgentPlatform } from "../platform/node.cjs";
import type { ServiceSchema } from "../schema.js";

/** The version of @sjc/runtime (a test holds it to package.json). */
export const RUNTIME_VERSION = "0.2.0";

export function userAgentHeaders(schema: ServiceSchema, custom: string): Record<string, string> {
  const sdk = `sjc/${RUNTIME_VERSION}`;
  const api = (schema.sdkId ?? schema.name).toLowerCase().replace(/ /g, "-");
  const tail = custom ? ` ${custom}` : "";
  const agent = `${sdk}${tail}`;
  if (!SETS_USER_AGENT_HEADER) return { "x-amz-user-agent": agent };
  return {
    "user-agent": `${sdk} ua/2.1 ${userAgentPlatform()} api/${api}#${schema.version}${tail}`,
    "x-amz-user-agent": agent,
  };
}
