/**
 * The request checks of the peer servers, written by hand: the JSON types of
 * the members (a SerializationException) and the model's constraints (a
 * ValidationException listing every failure), in the wording AWS services and
 * the generated server use.
 */
import { serializationError, validationError, type PeerInput } from "./peer-operation.js";

/** One broken constraint: AWS-style member path, the value found, the constraint's wording. */
export interface Failure {
  readonly path: string;
  readonly value: unknown;
  readonly constraint: string;
}

const ID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** The model's spelling of the id pattern, quoted in messages. */
export const MODEL_ID_PATTERN = "^[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{12}$";

/** The request body (bytes) as a checked input, or a PeerError. */
export function readPeerInput(body: string): PeerInput {
  const json = parseBody(body);
  const input = checkTypes(json);
  const failures = checkConstraints(input);
  if (failures.length > 0) throw validationError(validationMessage(failures));
  return input as unknown as PeerInput;
}

/** An empty body is `{}`; anything but a JSON object is a SerializationException. */
export function parseBody(body: string): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw serializationError(`Request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const found = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
    throw serializationError(`Request body must be a JSON object, found ${found}`);
  }
  return value as Record<string, unknown>;
}

type Input = {
  WindowExecutionId?: string;
  Filters?: { Key?: string; Values?: string[] }[];
  MaxResults?: number;
  NextToken?: string;
};

/** The known members with their JSON types checked; nulls and unknown members dropped. */
function checkTypes(json: Record<string, unknown>): Input {
  const input: Input = {};
  const id = json.WindowExecutionId;
  if (id != null) input.WindowExecutionId = expectString(id, "WindowExecutionId");
  const filters = json.Filters;
  if (filters != null) {
    input.Filters = [];
    expectList(filters, "Filters").forEach((raw, i) => {
      if (raw === null) return;
      const path = `Filters[${i}]`;
      if (typeof raw !== "object" || Array.isArray(raw)) throw typeError("an object", path, raw);
      const { Key, Values } = raw as Record<string, unknown>;
      const filter: { Key?: string; Values?: string[] } = {};
      if (Key != null) filter.Key = expectString(Key, `${path}.Key`);
      if (Values != null) {
        filter.Values = [];
        expectList(Values, `${path}.Values`).forEach((value, j) => {
          if (value !== null) filter.Values!.push(expectString(value, `${path}.Values[${j}]`));
        });
      }
      input.Filters!.push(filter);
    });
  }
  const maxResults = json.MaxResults;
  if (maxResults != null) {
    if (typeof maxResults !== "number") throw typeError("a number", "MaxResults", maxResults);
    input.MaxResults = maxResults;
  }
  const token = json.NextToken;
  if (token != null) input.NextToken = expectString(token, "NextToken");
  return input;
}

function expectString(value: unknown, path: string): string {
  if (typeof value !== "string") throw typeError("a string", path, value);
  return value;
}

function expectList(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw typeError("a list", path, value);
  return value;
}

export function typeError(what: string, path: string, value: unknown) {
  return serializationError(`Expected ${what} at ${path}, found ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}

/** The model's constraints, each member's in the order ajv reports them (max before min, then pattern). */
function checkConstraints(input: Input): Failure[] {
  const failures: Failure[] = [];
  const length = (path: string, value: string | readonly unknown[], min: number, max: number) => {
    if (value.length > max)
      failures.push({ path, value, constraint: `Member must have length less than or equal to ${max}` });
    if (value.length < min) {
      failures.push({ path, value, constraint: `Member must have length greater than or equal to ${min}` });
    }
  };
  const id = input.WindowExecutionId;
  if (id === undefined) {
    failures.push({ path: "windowExecutionId", value: null, constraint: "Member must not be null" });
  } else {
    length("windowExecutionId", id, 36, 36);
    if (!ID_PATTERN.test(id)) {
      failures.push({
        path: "windowExecutionId",
        value: id,
        constraint: `Member must satisfy regular expression pattern: ${MODEL_ID_PATTERN}`,
      });
    }
  }
  if (input.Filters !== undefined) {
    length("filters", input.Filters, 0, 5);
    input.Filters.forEach((filter, i) => {
      const path = `filters.${i + 1}.member`;
      if (filter.Key !== undefined) length(`${path}.key`, filter.Key, 1, 128);
      filter.Values?.forEach((value, j) => length(`${path}.values.${j + 1}.member`, value, 1, 256));
    });
  }
  const max = input.MaxResults;
  if (max !== undefined) {
    if (!Number.isInteger(max))
      failures.push({ path: "maxResults", value: max, constraint: "Member must be an integer" });
    if (max > 100)
      failures.push({ path: "maxResults", value: max, constraint: "Member must have value less than or equal to 100" });
    if (max < 10)
      failures.push({
        path: "maxResults",
        value: max,
        constraint: "Member must have value greater than or equal to 10",
      });
  }
  return failures;
}

/** At most this many failures are listed, and this much of a value quoted. */
const LISTED = 10;
const QUOTED = 256;

/** `N validation error(s) detected: Value '…' at 'path' failed to satisfy constraint: …; …` */
export function validationMessage(failures: readonly Failure[]): string {
  const details = failures
    .slice(0, LISTED)
    .map((f) => `Value ${quote(f.value)} at '${f.path}' failed to satisfy constraint: ${f.constraint}`);
  const more = failures.length > LISTED ? `; and ${failures.length - LISTED} more` : "";
  const s = failures.length === 1 ? "" : "s";
  return `${failures.length} validation error${s} detected: ${details.join("; ")}${more}`;
}

function quote(value: unknown): string {
  if (value === null || value === undefined) return "null";
  const text = Array.isArray(value)
    ? `[${value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ")}]`
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
  return `'${text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text}'`;
}
