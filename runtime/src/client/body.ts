/** Reads an HTTP response body of any shape a request handler may return into bytes. */

const encoder = new TextEncoder();
const NO_BYTES = new Uint8Array(0);

/**
 * Collects `body` (string, bytes, Node.js Readable, web ReadableStream or Blob)
 * into bytes (a string as UTF-8). A stream that errors or ends early rejects with its error.
 */
export async function readBody(body: unknown): Promise<Uint8Array> {
  if (body == null) return NO_BYTES;
  if (typeof body === "string") return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    return collect(body as AsyncIterable<Uint8Array | string>);
  }
  if (typeof (body as Blob).arrayBuffer === "function") return new Uint8Array(await (body as Blob).arrayBuffer());
  throw new TypeError(`Cannot read a response body of type ${Object.prototype.toString.call(body)}`);
}

async function collect(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    chunks.push(bytes);
    length += bytes.byteLength;
  }
  if (chunks.length === 0) return NO_BYTES;
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
