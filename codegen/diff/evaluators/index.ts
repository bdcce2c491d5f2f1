/** The 29 evaluators of smithy-diff, by name (each event id starts with its name, or with a name it gives its events). */
import { changedLengthTrait, changedRangeTrait } from "./bounds.js";
import { changedDefault } from "./default.js";
import { addedEntityBinding, changedResourceIdentifiers, removedEntityBinding } from "./entities.js";
import { changedEnumTrait } from "./enum-values.js";
import { addedOperationError, addedServiceError, removedOperationError, removedServiceError } from "./errors.js";
import type { Evaluator } from "./evaluator.js";
import { changedMemberTarget } from "./member-target.js";
import { addedRequiredMember, changedMemberOrder } from "./members.js";
import { addedMetadata, changedMetadata, removedMetadata } from "./metadata.js";
import { modifiedTrait } from "./modified-trait.js";
import { changedNullability } from "./nullability.js";
import { changedOperationInput, changedOperationOutput } from "./operations.js";
import { removedAuthenticationScheme, serviceRename } from "./service.js";
import { addedShape, changedShapeType, removedShape } from "./shapes.js";
import { traitBreakingChange } from "./trait-breaking-change.js";
import { addedTraitDefinition, removedTraitDefinition } from "./trait-definitions.js";

export const EVALUATORS: Readonly<Record<string, Evaluator>> = {
  AddedEntityBinding: addedEntityBinding,
  AddedMetadata: addedMetadata,
  AddedOperationError: addedOperationError,
  AddedRequiredMember: addedRequiredMember,
  AddedServiceError: addedServiceError,
  AddedShape: addedShape,
  AddedTraitDefinition: addedTraitDefinition,
  ChangedDefault: changedDefault,
  ChangedEnumTrait: changedEnumTrait,
  ChangedLengthTrait: changedLengthTrait,
  ChangedMemberOrder: changedMemberOrder,
  ChangedMemberTarget: changedMemberTarget,
  ChangedMetadata: changedMetadata,
  ChangedNullability: changedNullability,
  ChangedOperationInput: changedOperationInput,
  ChangedOperationOutput: changedOperationOutput,
  ChangedRangeTrait: changedRangeTrait,
  ChangedResourceIdentifiers: changedResourceIdentifiers,
  ChangedShapeType: changedShapeType,
  ModifiedTrait: modifiedTrait,
  RemovedAuthenticationScheme: removedAuthenticationScheme,
  RemovedEntityBinding: removedEntityBinding,
  RemovedMetadata: removedMetadata,
  RemovedOperationError: removedOperationError,
  RemovedServiceError: removedServiceError,
  RemovedShape: removedShape,
  RemovedTraitDefinition: removedTraitDefinition,
  ServiceRename: serviceRename,
  TraitBreakingChange: traitBreakingChange,
};
