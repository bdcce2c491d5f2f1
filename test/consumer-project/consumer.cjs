// A CommonJS consumer of a generated package: require() of the ES module package (Node >= 20.19).
const assert = require("node:assert/strict");
const { GetNoteCommand, NoteNotFound, NotesClient } = require("@example/notes");
const { createNotesServer } = require("@example/notes/server");

const server = createNotesServer({
  async GetNote({ Id }) {
    if (Id !== "n-1") throw new NoteNotFound({ message: `no note ${Id}`, $metadata: {} });
    return { Note: { Id, Text: "hello" } };
  },
});

server.listen(0, "127.0.0.1", async () => {
  const client = new NotesClient({
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${server.address().port}`,
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
  });
  try {
    const { Note } = await client.send(new GetNoteCommand({ Id: "n-1" }));
    assert.deepEqual(Note, { Id: "n-1", Text: "hello" });
    await assert.rejects(client.send(new GetNoteCommand({ Id: "n-2" })), NoteNotFound);
    console.log("consumer.cjs: GetNote and NoteNotFound through require()");
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    server.close();
  }
});
