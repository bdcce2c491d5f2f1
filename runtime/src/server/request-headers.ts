/** Header lookups on requests whose header names may come in any case. */

export type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/**
 * The value of header `name` (lower case). Node lower-cases header names, so
 * the exact key is tried first; other callers get a case-insensitive scan.
 */
export function headerValue(headers: RequestHeaders, name: string): string | undefined {
  let value = headers[name];
  if (value === undefined) {
    for (const key in headers) {
      if (key.length === name.length && key.toLowerCase() === name) {
        value = headers[key];
        break;
      }
    }
  }
  return typeof value === "string" ? value : value?.join(", ");
}

/**
 * Whether a Content-Type header names `expected` (compared case-insensitively).
 * Parameters are tolerated; a `charset` one must say UTF-8.
 */
export function hasContentType(value: string | undefined, expected: string): boolean {
  if (value === expected) return true;
  if (value === undefined) return false;
  const [type = "", ...parameters] = value.split(";");
  if (type.trim().toLowerCase() !== expected) return false;
  return parameters.every((parameter) => {
    const [name = "", setting = ""] = parameter.split("=");
    if (name.trim().toLowerCase() !== "charset") return true;
    return /^"?utf-?8"?$/i.test(setting.trim());
  });
}
