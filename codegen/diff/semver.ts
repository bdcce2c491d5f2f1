/**
 * The version the generated package should get next: major when an event
 * breaks users (ERROR or DANGER), minor when something was added, patch
 * otherwise. Below 1.0.0, npm's caret ranges treat the minor as the major,
 * so a breaking change bumps the minor there and an addition the patch.
 */
import { type DiffEvent, isBreaking } from "./event.js";

export type Bump = "major" | "minor" | "patch";

/** Events that add something users can use. */
const ADDITION =
  /^(AddedShape|AddedOperationBinding|AddedResourceBinding|AddedTraitDefinition|AddedMetadata|AddedOperationError|AddedServiceError|ChangedEnumTrait\.Appended)/;

export function bumpFor(events: readonly DiffEvent[]): Bump {
  if (events.some(isBreaking)) return "major";
  return events.some((e) => ADDITION.test(e.id)) ? "minor" : "patch";
}

/** `current` bumped; undefined when it is not `MAJOR.MINOR.PATCH`. */
export function nextVersion(current: string, bump: Bump): string | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(current);
  if (!match) return undefined;
  const [major, minor, patch] = match.slice(1).map(Number) as [number, number, number];
  const effective: Bump = major > 0 ? bump : bump === "major" ? "minor" : bump === "minor" ? "patch" : "patch";
  if (effective === "major") return `${major + 1}.0.0`;
  if (effective === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
