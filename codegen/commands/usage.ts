/** The command line's help texts, one per command. */

/** The command that regenerates a package, as headers and messages give it. */
export const REGENERATE_COMMAND = "npx sjc generate";

export const MAIN_USAGE = `Usage: sjc <command> [options]

Generates TypeScript packages (types, validators, client, server, protocol
tests) from Smithy 2.0 models (IDL .smithy files or JSON AST, mixed freely) of
awsJson1_0, awsJson1_1 and rpcv2Cbor services.

Commands:
  generate         generate packages from smithy-build.json or --model
  conformance      run a model's protocol test cases against its generated client and server
  diff             what a model change breaks for the generated package's users
  ast              print model files (IDL or JSON AST) as one Smithy 2.0 JSON AST model
  idl              write a model as Smithy IDL files, one per namespace
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
  --model PATH        a model file (.smithy or .json) or a folder of them, instead
                      of smithy-build.json (repeat for several)
  --out DIR           the package folder (default with --model: generated/<sdk-id>)
  --service ID        the service shape to generate, when the model has several
  --check             compare with the package on disk, write nothing; exit 1 if stale;
                      also sums up how the model differs from the one the package
                      was generated from (sjc diff, against its model.json)
  --watch             regenerate whenever a model file changes
  --quiet             print only problems
  --help              show this text

Exit codes: 0 ok, 1 model errors or stale output, 2 usage or configuration, 3 generator bug.`;

export const CONFORMANCE_USAGE = `Usage: sjc conformance <model> [--service ID]... [--work DIR]

The model is a JSON AST or IDL file, or a folder of them.

Generates each service of the model (or each --service) into
DIR/conformance-<service>/ (default DIR: .sjc), type-checks it with this
project's typescript when it has one, and runs its generated protocol tests
(test/protocol.spec.ts) with mocha. @sjc/runtime and @sjc/testing must be
installed in this project. Ends with one line: N passed, M failed, K skipped.
Exit code 1 when anything failed.`;

export const DIFF_USAGE = `Usage: sjc diff [OLD NEW] [options]
       sjc diff --git REV [PATH...] [options]

Compares two models with smithy-diff's evaluators and says what each change
means for the generated TypeScript package. OLD and NEW are model files or
folders (every .json below). With --git, the working files at PATH (default:
smithy-build.json's sources and imports) against the same paths at the git
revision REV. With neither, smithy-build.json's sources against the model the
generated package records (its model.json).

Prints one line per event, most severe first:
  SEVERITY EventId shape-id: message

Options:
  --git REV           compare with the sources at this git revision
  --json              print the events as a JSON array of {id, severity, shapeId, message}
  --semver            print the package's next version instead: major if breaking,
                      minor if something was added, patch otherwise (below 1.0.0:
                      minor if breaking, else patch)
  --version X         the current version (default: packageVersion in smithy-build.json)
  --config FILE       the smithy-build.json to read (default: ./smithy-build.json)
  --projection NAME   the projection whose sources and package to use
  --help              show this text

Exit codes: 0 nothing breaking, 1 an ERROR or DANGER event or a model that
does not load, 2 usage or configuration, 3 generator bug.`;
export const AST_USAGE = `Usage: sjc ast SOURCES... [--out FILE] [--flatten]

Loads the model files (.smithy IDL and .json AST; a folder means every such
file below it) as one model and prints it as Smithy 2.0 JSON AST, shapes
sorted by id, mixins kept as written.

Options:
  --out FILE   write to FILE instead of standard output
  --flatten    copy mixin members and traits into the shapes that use them,
               and leave the mixins out

Exit codes: 0 ok, 1 model errors, 2 usage.`;

export const IDL_USAGE = `Usage: sjc idl MODEL... [--out DIR]

Writes the model (JSON AST or IDL files; a folder means every such file below
it) as Smithy IDL, one file per namespace: DIR/<namespace>.smithy. Without
--out, a model of one namespace prints to standard output.

Exit codes: 0 ok, 1 model errors, 2 usage.`;

/** Help texts by command name. */
export const USAGES: Readonly<Record<string, string>> = {
  generate: GENERATE_USAGE,
  diff: DIFF_USAGE,
  conformance: CONFORMANCE_USAGE,
  ast: AST_USAGE,
  idl: IDL_USAGE,
  help: MAIN_USAGE,
};
