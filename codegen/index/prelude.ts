/** The `smithy.api` prelude shapes a model may target without defining them. */
import type { AstShape } from "../load/ast.js";

const simple = (type: string): AstShape => ({ type });
const primitive = (type: string, value: boolean | number): AstShape => ({
  type,
  traits: { "smithy.api#default": value },
});

export const PRELUDE_SHAPES: Readonly<Record<string, AstShape>> = {
  "smithy.api#String": simple("string"),
  "smithy.api#Blob": simple("blob"),
  "smithy.api#BigInteger": simple("bigInteger"),
  "smithy.api#BigDecimal": simple("bigDecimal"),
  "smithy.api#Timestamp": simple("timestamp"),
  "smithy.api#Document": simple("document"),
  "smithy.api#Boolean": simple("boolean"),
  "smithy.api#Byte": simple("byte"),
  "smithy.api#Short": simple("short"),
  "smithy.api#Integer": simple("integer"),
  "smithy.api#Long": simple("long"),
  "smithy.api#Float": simple("float"),
  "smithy.api#Double": simple("double"),
  "smithy.api#PrimitiveBoolean": primitive("boolean", false),
  "smithy.api#PrimitiveByte": primitive("byte", 0),
  "smithy.api#PrimitiveShort": primitive("short", 0),
  "smithy.api#PrimitiveInteger": primitive("integer", 0),
  "smithy.api#PrimitiveLong": primitive("long", 0),
  "smithy.api#PrimitiveFloat": primitive("float", 0),
  "smithy.api#PrimitiveDouble": primitive("double", 0),
  "smithy.api#Unit": { type: "structure", traits: { "smithy.api#unitType": {} }, members: {} },
};

export const UNIT = "smithy.api#Unit";
