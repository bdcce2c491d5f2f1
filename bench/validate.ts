/**
 * Cost of the generated input validator, in microseconds per call, on the
 * largest valid input and on an input that breaks every constraint:
 * alternating batches after a warm-up, median of the batches.
 */
import { validateDescribeMaintenanceWindowExecutionTasksInput as validate } from "@sjc/ssm";
import { everythingInvalidInput, maximalValidInput } from "./fixtures.js";
import { median } from "./stats.js";

export interface ValidateSettings {
  readonly warmupCalls: number;
  readonly batches: number;
  readonly callsPerBatch: number;
}

export interface ValidateFigures {
  readonly validUs: number;
  readonly invalidUs: number;
  /** Failures reported for the invalid input. */
  readonly invalidFailures: number;
}

/** Microseconds per call over `calls` calls; `expected` failures each time. */
function batch(input: unknown, calls: number, expected: number): number {
  let failures = 0;
  const start = performance.now();
  for (let i = 0; i < calls; i++) failures += validate(input).length;
  const us = ((performance.now() - start) * 1000) / calls;
  if (failures !== expected * calls) throw new Error(`the validator returned ${failures / calls} failures per call`);
  return us;
}

export function measureValidate(settings: ValidateSettings, log: (line: string) => void): ValidateFigures {
  const valid = maximalValidInput();
  const invalid = everythingInvalidInput();
  if (validate(valid).length !== 0)
    throw new Error(`the maximal input is not valid: ${JSON.stringify(validate(valid))}`);
  const invalidFailures = validate(invalid).length;
  if (invalidFailures === 0) throw new Error("the invalid input passed validation");
  batch(valid, settings.warmupCalls, 0);
  batch(invalid, settings.warmupCalls, invalidFailures);
  const validRuns: number[] = [];
  const invalidRuns: number[] = [];
  for (let i = 0; i < settings.batches; i++) {
    validRuns.push(batch(valid, settings.callsPerBatch, 0));
    invalidRuns.push(batch(invalid, settings.callsPerBatch, invalidFailures));
  }
  const figures = { validUs: median(validRuns), invalidUs: median(invalidRuns), invalidFailures };
  log(`validate valid ${figures.validUs.toFixed(2)} µs, invalid ${figures.invalidUs.toFixed(2)} µs`);
  return figures;
}
