/** The command line's help texts, one per command. */

/** The command that regenerates a package, as headers and messages give it. */
export const REGENERATE_COMMAND = "npx sjc generate";

export const MAIN_USAGE = `Usage: sjc <command> [options]

Generates TypeScript packages (types, validators, client, server, protocol
tests) from Smithy 2.0 JSON AST models of awsJson1_0 / awsJson1_1 services.

Commands:
  generate         generate packages from smithy-build.json or --model
  conformance      run a model's protocol test cases against its generated client and server
  help [command]   show this text, or a command's

Options:
  --version        print the generator's version
  --help           show this text

Exit codes: 0 ok, 1 model errors, stale output or failed tests, 2 usage or
configuration, 3 generator bug.`;

export const GENERATE_USAGE = `Usage: sjc generate [options]

With no --model, reads ./smithy-build.json: its sources, imports and
projections, and the settings of the typescript-codegen plugin (service,
package, packageVersion, packageDescription, packageJson, outputDirectory).
Output goes to the plugin's outputDirectory, else to
build/smithy/<projection>/typescript-codegen/.

Options:
  --config FILE       the smithy-build.json to read (default: ./smithy-build.json)
  --projection NAME   generate only this projection
  --model FILE        a model file instead of smithy-build.json (repeat for several)
  --out DIR           the package folder (default with --model: generated/<sdk-id>)
  --service ID        the service shape to generate, when the model has several
  --check             compare with the package on disk, write nothing; exit 1 if stale
  --watch             regenerate whenever a model file changes
  --quiet             print only problems
  --help              show this text

Exit codes: 0 ok, 1 model errors or stale output, 2 usage or configuration, 3 generator bug.`;

export const CONFORMANCE_USAGE = `Usage: sjc conformance <model.json> [--service ID]... [--work DIR]

Generates each service of the model (or each --service) into
DIR/conformance-<service>/ (default DIR: .sjc), type-checks it with this
project's typescript when it has one, and runs its generated protocol tests
(test/protocol.spec.ts) with mocha. @sjc/runtime and @sjc/testing must be
installed in this project. Ends with one line: N passed, M failed, K skipped.
Exit code 1 when anything failed.`;

/** Help texts by command name. */
export const USAGES: Readonly<Record<string, string>> = {
  generate: GENERATE_USAGE,
  conformance: CONFORMANCE_USAGE,
  help: MAIN_USAGE,
};
