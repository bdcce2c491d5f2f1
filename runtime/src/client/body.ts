/** Reads an HTTP response body of any shape a request handler may return into text. */

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Collects `body` (string, bytes, Node.js Readable, web ReadableStream or Blob)
 * into UTF-8 text. A stream that errors or ends early rejects with its error.
 */
export async function readBody(body: unknown): Promise<string> {
  if (body == null) return "";
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return decoder.decode(body);
  if (body instanceof ArrayBuffer) return decoder.decode(new Uint8Array(body));
  if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    return decoder.decode(await collect(body as AsyncIterable<Uint8Array | string>));
  }
  if (typeof (body as Blob).text === "function") return (body as Blob).text();
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
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
