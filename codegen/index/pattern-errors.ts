/** Why a Java pattern has no ECMAScript spelling. */

/** Java rejects the pattern as well. */
export class JavaSyntaxError extends Error {}

/** Java accepts the pattern, but it needs what ECMAScript cannot express (the message says what). */
export class NoEquivalent extends Error {}
