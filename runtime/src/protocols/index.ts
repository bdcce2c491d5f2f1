/** The codec of each protocol, made once per protocol on first use. */
import type { Protocol } from "../schema.js";
import { awsJsonCodec } from "./aws-json.js";
import type { ProtocolCodec } from "./codec.js";
import { rpcv2CborCodec } from "./rpcv2-cbor.js";

const codecs = new Map<Protocol, ProtocolCodec>();

export function codecFor(protocol: Protocol): ProtocolCodec {
  let codec = codecs.get(protocol);
  if (codec === undefined) {
    codec = protocol === "rpcv2Cbor" ? rpcv2CborCodec() : awsJsonCodec(protocol);
    codecs.set(protocol, codec);
  }
  return codec;
}

/** The media type of the protocol's bodies. */
export const contentTypeOf = (protocol: Protocol): string => codecFor(protocol).contentType;

export { decodeCbor } from "./rpcv2-cbor.js";
export { isTagged } from "./cbor-format.js";
export type { Body, CodecResponse, ProtocolCodec } from "./codec.js";
