/** Exceptions shared by every generated client and server. */
import type { MetadataBearer, ResponseMetadata } from "@smithy/types";

export interface ServiceExceptionOptions {
  readonly name: string;
  readonly $fault: "client" | "server";
  readonly message?: string;
  readonly $metadata?: ResponseMetadata;
}

/**
 * Options of a modeled error's constructor: its own members, plus `message`
 * and `$metadata` (the latter optional, so server code can throw it).
 */
export type ExceptionOptionType<E extends ServiceException> = Omit<E, keyof ServiceException> & {
  message?: string;
  $metadata?: ResponseMetadata;
};

/** Base of every service exception: the error name, its fault and response metadata. */
export class ServiceException extends Error implements MetadataBearer {
  readonly $fault: "client" | "server";
  $metadata: ResponseMetadata;

  constructor(options: ServiceExceptionOptions) {
    super(options.message ?? "");
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata ?? {};
  }
}

/** A payload that is not valid JSON or not of the modeled JSON types. */
export class SerializationError extends Error {
  override readonly name = "SerializationException";
}
