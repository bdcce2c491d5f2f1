/**
 * The service's wire protocol, decoded once from its traits. Emitters read
 * this instead of the protocol traits; the runtime picks its codec by `name`.
 */
import type { Traits } from "../load/ast.js";

export type ProtocolName = "awsJson1_0" | "awsJson1_1" | "rpcv2Cbor";

export interface ServiceProtocol {
  /** The runtime's name of the protocol (the serde schema's `protocol`). */
  readonly name: ProtocolName;
  /** The protocol trait's shape id, which `smithy.test#…` cases name as their `protocol`. */
  readonly traitId: string;
  /** What the protocol is called in documentation: `awsJson`, `rpcv2Cbor`. */
  readonly family: string;
  /** The media type of its bodies, for protocol test cases that do not name one. */
  readonly bodyMediaType: string;
}

/** Protocol traits in the order they are preferred when a service has several. */
export const PROTOCOLS: readonly ServiceProtocol[] = [
  { name: "awsJson1_0", traitId: "aws.protocols#awsJson1_0", family: "awsJson", bodyMediaType: "application/json" },
  { name: "awsJson1_1", traitId: "aws.protocols#awsJson1_1", family: "awsJson", bodyMediaType: "application/json" },
  { name: "rpcv2Cbor", traitId: "smithy.protocols#rpcv2Cbor", family: "rpcv2Cbor", bodyMediaType: "application/cbor" },
];

/** The first supported protocol trait of `traits`; undefined when none is applied. */
export function decodeProtocol(traits: Traits): ServiceProtocol | undefined {
  return PROTOCOLS.find((protocol) => protocol.traitId in traits);
}
