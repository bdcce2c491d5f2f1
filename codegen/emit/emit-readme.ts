/**
 * The generated package's README.md: what the package is (from the model's
 * title and documentation), how to install it, call the service, serve it,
 * and the operations with the first sentence of each one's documentation.
 */
import type { ShapeIndex } from "../index/shape-index.js";
import type { GeneratedFile } from "./generated-file.js";
import { htmlToText } from "./docs.js";

export function emitReadme(index: ShapeIndex, packageName: string, description: string): GeneratedFile {
  const { service } = index.names;
  const first = index.operations[0];
  const names = first ? index.names.operation(first.name) : undefined;
  const documentation = index.service.documentation ? htmlToText(index.service.documentation) : "";
  const lines = [
    `# ${packageName}`,
    "",
    description,
    "",
    ...(documentation ? [documentation, ""] : []),
    "## Install",
    "",
    "```sh",
    `npm install ${packageName}`,
    "```",
    "",
    "## Call the service",
    "",
    "```ts",
    names
      ? `import { ${service.client}, ${names.command}, type ${names.commandInput} } from "${packageName}";`
      : `import { ${service.client} } from "${packageName}";`,
    "",
    `const client = new ${service.client}({ region: "us-east-1" });`,
    ...(names
      ? [
          `const input: ${names.commandInput} = { /* the operation's input members */ };`,
          `const output = await client.send(new ${names.command}(input));`,
        ]
      : []),
    "```",
    "",
    "Region and credentials resolve as in the AWS SDK for JavaScript v3: the config, then the environment, then the shared config and credentials files (profiles).",
    "",
    "## Serve it",
    "",
    "```ts",
    `import { ${service.serverFactory}, type ${service.serviceInterface} } from "${packageName}/server";`,
    "",
    `const implementation: Partial<${service.serviceInterface}> = {`,
    ...(first ? [`  async ${first.name}(input) { /* … */ },`] : []),
    "};",
    `${service.serverFactory}(implementation).listen(8080, "127.0.0.1");`,
    "```",
    "",
    "## Operations",
    "",
    ...index.operations.map((op) => {
      const summary = op.documentation ? firstSentence(htmlToText(op.documentation)) : "";
      return `- \`${index.names.operation(op.name).command}\`${summary ? `: ${summary}` : ""}`;
    }),
    "",
  ];
  return { kind: "markdown", path: "README.md", text: lines.join("\n") };
}

/** Up to the first full stop that ends a sentence, on one line. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const end = /[.!?](\s|$)/.exec(flat);
  return end ? flat.slice(0, end.index + 1) : flat;
}
