/**
 * fast-check arbitraries for any generated package, built from its serde
 * schema (`serviceDescription.schema`) and the JSON Schema definitions of
 * its shapes (`schemas/shapes.schema.json`): valid inputs and outputs of
 * every operation, and inputs that break exactly one constraint.
 *
 * ```ts
 * const arbitraries = createArbitraries(serviceDescription, shapesSchema.definitions);
 * fc.assert(fc.property(arbitraries.arbitraryForInput("GetThing"), (input) => …));
 * ```
 */
import fc from "fast-check";
import type { ServiceSchema, ShapeId } from "@sjc/runtime";
import { ShapeFacets, type SchemaDefinitions } from "./arbitrary-facets.js";
import { InvalidInputs, type InvalidInput } from "./arbitrary-invalid.js";
import { ValueArbitraries, resolveOptions, type ArbitraryOptions } from "./arbitrary-values.js";
import { withDefaults } from "./roundtrip-expected.js";

export type { InvalidInput, MutationKind } from "./arbitrary-invalid.js";
export type { ArbitraryOptions, PathSegment } from "./arbitrary-values.js";
export type { JsonSchema, SchemaDefinitions } from "./arbitrary-facets.js";

export interface ModelArbitraries {
  readonly schema: ServiceSchema;
  /** Valid typed values of shape `id`. */
  arbitraryForShape(id: ShapeId): fc.Arbitrary<unknown>;
  /** Valid typed inputs of `operation` (`{}` when its input is `smithy.api#Unit`). */
  arbitraryForInput(operation: string): fc.Arbitrary<Record<string, unknown>>;
  /** Valid typed outputs of `operation` (`{}` when its output is `smithy.api#Unit`). */
  arbitraryForOutput(operation: string): fc.Arbitrary<Record<string, unknown>>;
  /**
   * Inputs of `operation` that break exactly one constraint, with the member
   * path a validation error must name. Throws when the input has no
   * constraint that can be broken.
   */
  arbitraryInvalidInput(operation: string): fc.Arbitrary<InvalidInput>;
  /** What a valid input of `operation` reads back as on the server: absent members with a default filled in. */
  expectedInput(operation: string, input: unknown): unknown;
  /** What a valid output of `operation` reads back as in the client. */
  expectedOutput(operation: string, output: unknown): unknown;
}

/** No valid value of a shape exists: the model's own constraints contradict each other. */
export class ContradictoryModel extends Error {
  constructor(
    readonly shape: ShapeId,
    readonly contradictions: readonly string[],
  ) {
    super(`the model admits no valid value of ${shape}: ${contradictions.join("; ")}`);
  }
}

/**
 * @param description anything with the package's serde schema, e.g. its `serviceDescription`
 * @param definitions `definitions` of the package's `schemas/shapes.schema.json`
 */
export function createArbitraries(
  description: { readonly schema: ServiceSchema },
  definitions: SchemaDefinitions,
  options?: ArbitraryOptions,
): ModelArbitraries {
  const { schema } = description;
  const facets = new ShapeFacets(schema, definitions);
  const values = new ValueArbitraries(facets, resolveOptions(options));
  const invalid = new InvalidInputs(values);
  const cache = new Map<string, fc.Arbitrary<never>>();

  const memo = <T>(key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> => {
    let arbitrary = cache.get(key) as fc.Arbitrary<T> | undefined;
    if (arbitrary === undefined) {
      arbitrary = build();
      cache.set(key, arbitrary as fc.Arbitrary<never>);
    }
    return arbitrary;
  };
  const forShape = (id: ShapeId): fc.Arbitrary<unknown> =>
    memo(`shape ${id}`, () => {
      const arbitrary = values.forSite(facets.site(id), 0);
      if (arbitrary === undefined) {
        const contradictions = [...values.contradictions];
        if (contradictions.length > 0) throw new ContradictoryModel(id, contradictions);
        throw new Error(`No valid value of ${id} could be generated`);
      }
      return arbitrary;
    });
  const operationShape = (operation: string, side: "input" | "output"): ShapeId | undefined => {
    const schemaOperation = Object.hasOwn(schema.operations, operation) ? schema.operations[operation] : undefined;
    if (schemaOperation === undefined) throw new Error(`${schema.name} has no operation named ${operation}`);
    return schemaOperation[side];
  };
  const forSide = (operation: string, side: "input" | "output") => {
    const id = operationShape(operation, side);
    return (id === undefined ? fc.constant({}) : forShape(id)) as fc.Arbitrary<Record<string, unknown>>;
  };
  const expected = (operation: string, side: "input" | "output", value: unknown) => {
    const id = operationShape(operation, side);
    return id === undefined ? {} : withDefaults(schema, id, value);
  };

  return {
    schema,
    arbitraryForShape: forShape,
    arbitraryForInput: (operation) => forSide(operation, "input"),
    arbitraryForOutput: (operation) => forSide(operation, "output"),
    arbitraryInvalidInput: (operation) =>
      memo(`invalid ${operation}`, () => {
        const id = operationShape(operation, "input");
        const arbitrary = id === undefined ? undefined : invalid.forInput(facets.site(id));
        if (arbitrary === undefined) throw new Error(`The input of ${operation} has no constraint that can be broken`);
        return arbitrary;
      }),
    expectedInput: (operation, input) => expected(operation, "input", input),
    expectedOutput: (operation, output) => expected(operation, "output", output),
  };
}
