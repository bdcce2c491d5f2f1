/**
 * What a generated package depends on, as ranges of the versions this
 * generator is released with. `@sjc/runtime` and `@sjc/testing` follow their
 * workspace packages (a test holds them together); the rest are the tools a
 * generated package builds and tests with.
 */

/** What the generated code imports when it runs (`@smithy/types` appears in its declarations). */
export const RUNTIME_DEPENDENCIES: Readonly<Record<string, string>> = {
  "@sjc/runtime": "^0.2.0",
  "@smithy/types": "^4.20.0",
};

/** What `npm run build` and `npm test` of a generated package need. */
export const BUILD_DEPENDENCIES: Readonly<Record<string, string>> = {
  "@types/node": "^20.19.43",
  typescript: "^7.0.2",
};

/** What its generated protocol tests need, when it has any. */
export const TEST_DEPENDENCIES: Readonly<Record<string, string>> = {
  "@sjc/testing": "^0.2.0",
  "@types/mocha": "^10.0.10",
  mocha: "^11.8.0",
  tsx: "^4.23.15",
};
