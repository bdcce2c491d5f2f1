/** Round trips for `test:idl` (filled in with `sjc idl`). */
import type { CaseResult } from "../test-idl.js";

export async function roundTripCases(_root: string): Promise<CaseResult[]> {
  return [];
}
