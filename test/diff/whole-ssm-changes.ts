/**
 * Ten changes at once to the whole SSM model (../shared), for the diff's
 * test and for `npm run bench` (codegen.diffWholeSsmMs).
 */
import type { Model } from "./model-pairs.js";

const NS = "com.amazonaws.ssm#";

export const WHOLE_SSM_CHANGES: readonly ((m: Model) => void)[] = [
  (m) => (m.shapes[`${NS}PSParameterName`].traits["smithy.api#length"].max = 1024),
  (m) => (m.shapes[`${NS}MaxResults`].traits["smithy.api#range"].max = 20),
  (m) => delete m.shapes[`${NS}ParameterType`].members.SECURE_STRING,
  (m) =>
    (m.shapes[`${NS}ParameterTier`].members.ULTRA = {
      target: "smithy.api#Unit",
      traits: { "smithy.api#enumValue": "Ultra" },
    }),
  (m) => {
    const service = m.shapes[`${NS}AmazonSSM`];
    service.operations = service.operations.filter((o: { target: string }) => o.target !== `${NS}DeleteParameter`);
  },
  (m) => {
    const op = m.shapes[`${NS}GetParameter`];
    op.errors = op.errors.filter((e: { target: string }) => e.target !== `${NS}ParameterVersionNotFound`);
  },
  (m) => (m.shapes[`${NS}GetParameterRequest`].members.IncludeHistory = { target: "smithy.api#Boolean" }),
  (m) => (m.shapes[`${NS}Parameter`].members.Name.traits["smithy.api#required"] = {}),
  (m) => (m.metadata = { ...m.metadata, suppressions: [] }),
  (m) => (m.shapes[`${NS}GetParameter`].traits["smithy.api#documentation"] = "<p>Gets a parameter.</p>"),
];

/** The model with the ten changes, as JSON text. */
export function changedWholeSsm(text: string): string {
  const model = JSON.parse(text) as Model;
  for (const change of WHOLE_SSM_CHANGES) change(model);
  return JSON.stringify(model);
}
