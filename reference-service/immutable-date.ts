/**
 * Dates that refuse changes, so that a deep-frozen task can share its
 * timestamps with every response instead of copying them per request
 * (`Object.freeze` alone cannot protect a Date's time value). They stay plain
 * `Date`s (same prototype, equal to any Date of the same time): each setter is
 * shadowed by a non-enumerable own method that throws, and the date is frozen.
 */
const SETTERS = [
  "setTime",
  "setMilliseconds",
  "setUTCMilliseconds",
  "setSeconds",
  "setUTCSeconds",
  "setMinutes",
  "setUTCMinutes",
  "setHours",
  "setUTCHours",
  "setDate",
  "setUTCDate",
  "setMonth",
  "setUTCMonth",
  "setFullYear",
  "setUTCFullYear",
] as const;

const REFUSALS: PropertyDescriptorMap = Object.fromEntries(
  SETTERS.map((name) => [
    name,
    {
      value(this: Date): never {
        throw new TypeError(`Cannot call ${name} on a read-only date (${this.toISOString()})`);
      },
    },
  ]),
);

/** A new frozen Date at `date`'s time whose setters throw. */
export function immutableDate(date: Date): Date {
  return Object.freeze(Object.defineProperties(new Date(date.getTime()), REFUSALS));
}
