/**
 * A TypeScript consumer of a generated package, outside the sjc repository:
 * it imports the package by name, serves the service in-process from
 * `<package>/server`, and calls it with the generated client.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import {
  GetNoteCommand,
  type Note,
  NoteNotFound,
  NotesClient,
  paginateListNotes,
  validateGetNoteInput,
} from "@example/notes";
import { createNotesServer, type NotesService } from "@example/notes/server";

const notes: Note[] = Array.from({ length: 5 }, (_, i) => ({ Id: `n-${i}`, Text: `note ${i}` }));

const service: NotesService = {
  async GetNote({ Id }) {
    const note = notes.find((n) => n.Id === Id);
    if (!note) throw new NoteNotFound({ message: `no note ${Id}`, $metadata: {} });
    return { Note: note };
  },
  async ListNotes({ NextToken, MaxResults }) {
    const start = Number(NextToken ?? 0);
    const end = start + (MaxResults ?? 2);
    return { Notes: notes.slice(start, end), ...(end < notes.length ? { NextToken: String(end) } : {}) };
  },
};

const server = createNotesServer(service);
await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
const { port } = server.address() as AddressInfo;
const client = new NotesClient({
  region: "us-east-1",
  endpoint: `http://127.0.0.1:${port}`,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
});
try {
  const { Note: found } = await client.send(new GetNoteCommand({ Id: "n-3" }));
  assert.deepEqual(found, { Id: "n-3", Text: "note 3" });

  const missing = await client.send(new GetNoteCommand({ Id: "n-9" })).catch((error: unknown) => error);
  assert.ok(missing instanceof NoteNotFound, `expected NoteNotFound, got ${String(missing)}`);
  assert.equal(missing.$metadata.httpStatusCode, 404);
  assert.equal(missing.message, "no note n-9");

  const pages: number[] = [];
  for await (const page of paginateListNotes({ client, pageSize: 2 }, {})) pages.push(page.Notes?.length ?? 0);
  assert.deepEqual(pages, [2, 2, 1]);

  assert.equal(validateGetNoteInput({ Id: "Not Valid" }).length, 1);
  console.log(`consumer.ts: GetNote, NoteNotFound, 3 pages of ListNotes and validation against 127.0.0.1:${port}`);
} finally {
  server.close();
}
