import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataFileError, loadDataFile, parseDataFile } from "../../reference-service/data-file.js";
import { BIG_ID, BUNDLED_DATA_FILE, EMPTY_ID, SMALL_ID, STATUS_COUNTS } from "../../harness/reference-fixtures.js";

const WINDOW = "a06e9f91-3b9c-4c3e-8bd4-246cc0e1f2a3";
const TASK_1 = "f407ba63-998f-4b89-8467-279fc0a1b2c3";
const TASK_2 = "0b8c7d6e-5f4a-4b3c-9d2e-1f0a9b8c7d6e";

/** A valid one-entry file, wire form, for each case to break in one place. */
function validFile(): Record<string, Record<string, unknown>[]> {
  return {
    [WINDOW]: [
      {
        WindowExecutionId: WINDOW,
        TaskExecutionId: TASK_1,
        Status: "SUCCESS",
        StartTime: 1722796535.145,
        EndTime: 1722796689.062,
        TaskArn: "AWS-RunPatchBaseline",
        TaskType: "RUN_COMMAND",
      },
      {
        TaskExecutionId: TASK_2,
        Status: "FAILED",
        StatusDetails: "One or more targets failed.",
        StartTime: 1722796535.145,
        TaskArn: "arn:aws:lambda:us-east-1:123456789012:function:RotateLogs",
        TaskType: "LAMBDA",
        AlarmConfiguration: { Alarms: [{ Name: "HighCPUUtilization" }] },
        TriggeredAlarms: [{ Name: "HighCPUUtilization", State: "ALARM" }],
      },
    ],
  };
}

function issuesOf(text: string): readonly string[] {
  try {
    parseDataFile(text, "bad.json");
  } catch (error) {
    assert.ok(error instanceof DataFileError, String(error));
    assert.equal(error.message, error.issues.join("\n"));
    return error.issues;
  }
  assert.fail("the data file was accepted");
}

type Data = ReturnType<typeof validFile>;
const task = (data: Data, index: number) => data[WINDOW]![index]!;
const ENTRY = `data file bad.json: entry "${WINDOW}"`;

describe("server: data file", () => {
  it("loads the bundled fixture", () => {
    const store = loadDataFile(BUNDLED_DATA_FILE);
    assert.deepEqual(store.windowExecutionIds, [BIG_ID, SMALL_ID, EMPTY_ID]);
    const big = store.tasksOf(BIG_ID)!;
    assert.equal(big.length, 28);
    for (const [status, count] of Object.entries(STATUS_COUNTS)) {
      assert.equal(big.filter((t) => t.Status === status).length, count, status);
    }
    const types = new Set(big.map((t) => t.TaskType));
    assert.deepEqual([...types].sort(), ["AUTOMATION", "LAMBDA", "RUN_COMMAND", "STEP_FUNCTIONS"]);
    assert.ok(big.some((t) => t.AlarmConfiguration && t.TriggeredAlarms));
    assert.ok(big.some((t) => t.StatusDetails));
    assert.equal(store.tasksOf(EMPTY_ID)!.length, 0);
    assert.equal(store.tasksOf("nope"), undefined);
  });

  it("converts wire values to typed ones, fills model defaults and the entry's id, and sorts", () => {
    const store = parseDataFile(JSON.stringify(validFile()), "good.json");
    const [first, second] = store.tasksOf(WINDOW)!;
    // Same StartTime: TaskExecutionId decides, and TASK_2 < TASK_1.
    assert.equal(first!.TaskExecutionId, TASK_2);
    assert.equal(second!.TaskExecutionId, TASK_1);
    assert.deepEqual(first!.StartTime, new Date(1722796535145));
    assert.equal(first!.WindowExecutionId, WINDOW);
    assert.deepEqual(first!.AlarmConfiguration, {
      IgnorePollAlarmFailure: false,
      Alarms: [{ Name: "HighCPUUtilization" }],
    });
  });

  it("accepts an empty file and executions without tasks", () => {
    assert.deepEqual(parseDataFile("{}", "empty.json").windowExecutionIds, []);
    assert.deepEqual(parseDataFile(`{"${WINDOW}": []}`, "one.json").tasksOf(WINDOW), []);
  });

  const cases: [string, (data: Data) => unknown, (string | RegExp)[]][] = [
    [
      "a timestamp that is not epoch seconds",
      (data) => (task(data, 0).StartTime = "2024-08-04T11:35:35.145Z"),
      [`${ENTRY}: task 1: Expected epoch seconds as a number at StartTime, found string "2024-08-04T11:35:35.145Z"`],
    ],
    [
      "a Status that is not a string",
      (data) => (task(data, 0).Status = 3),
      [`${ENTRY}: task 1: Expected a string at Status, found number 3`],
    ],
    [
      "a Status outside the enum",
      (data) => (task(data, 1).Status = "DONE"),
      [
        `${ENTRY}: task 2: Status: Member must satisfy enum value set: [PENDING, IN_PROGRESS, SUCCESS, FAILED, TIMED_OUT, CANCELLING, CANCELLED, SKIPPED_OVERLAPPING] (found "DONE")`,
      ],
    ],
    [
      "a TaskType outside the enum",
      (data) => (task(data, 0).TaskType = "SHELL"),
      [
        `${ENTRY}: task 1: TaskType: Member must satisfy enum value set: [RUN_COMMAND, AUTOMATION, STEP_FUNCTIONS, LAMBDA] (found "SHELL")`,
      ],
    ],
    [
      "a TaskExecutionId that is not a UUID",
      (data) => (task(data, 0).TaskExecutionId = "task-0000000000000000000000000000001"),
      [
        // The pattern is rendered by the generated validator; only its presence matters here.
        /^data file bad\.json: entry "[^"]+": task 1: TaskExecutionId: Member must satisfy regular expression pattern: \^\[0-9a-fA-F\]\{8\}.+ \(found "task-0000000000000000000000000000001"\)$/,
      ],
    ],
    [
      "a missing TaskExecutionId",
      (data) => delete task(data, 0).TaskExecutionId,
      [`${ENTRY}: task 1: TaskExecutionId is missing`],
    ],
    ["a missing Status", (data) => delete task(data, 1).Status, [`${ENTRY}: task 2: Status is missing`]],
    [
      "a repeated TaskExecutionId",
      (data) => (task(data, 1).TaskExecutionId = TASK_1),
      [`${ENTRY}: task 2: TaskExecutionId ${TASK_1} appears more than once`],
    ],
    [
      "a WindowExecutionId other than the entry's",
      (data) => (task(data, 0).WindowExecutionId = SMALL_ID),
      [`${ENTRY}: task 1: WindowExecutionId ${SMALL_ID} differs from the entry's id (omit it, or make them equal)`],
    ],
    [
      "an EndTime before the StartTime",
      (data) => (task(data, 0).EndTime = 1722796000),
      [`${ENTRY}: task 1: EndTime is before StartTime`],
    ],
    [
      "a timestamp beyond the range of dates",
      (data) => (task(data, 1).StartTime = 1e15),
      [`${ENTRY}: task 2: StartTime is out of the range of dates`],
    ],
    [
      "a StatusDetails longer than 250 characters",
      (data) => (task(data, 1).StatusDetails = "x".repeat(251)),
      [
        `${ENTRY}: task 2: StatusDetails: Member must have length less than or equal to 250 (found "${"x".repeat(251)}")`,
      ],
    ],
    [
      "two triggered alarms where the model allows one",
      (data) =>
        (task(data, 1).TriggeredAlarms = [
          { Name: "A", State: "ALARM" },
          { Name: "B", State: "ALARM" },
        ]),
      [
        `${ENTRY}: task 2: TriggeredAlarms: Member must have length less than or equal to 1 (found [{"Name":"A","State":"ALARM"},{"Name":"B","State":"ALARM"}])`,
      ],
    ],
    [
      "a misspelt member",
      (data) => (task(data, 0).Statsu = "SUCCESS"),
      [`${ENTRY}: task 1: Statsu is not a member of MaintenanceWindowExecutionTaskIdentity`],
    ],
    [
      "a misspelt nested member, which also leaves a required one out",
      (data) => (task(data, 1).AlarmConfiguration = { Alarms: [{ Nmae: "HighCPUUtilization" }] }),
      [
        `${ENTRY}: task 2: AlarmConfiguration.Alarms[0].Nmae is not a member of Alarm`,
        `${ENTRY}: task 2: AlarmConfiguration.Alarms[0].Name: Member must not be null (found null)`,
      ],
    ],
    [
      "a task that is not an object",
      (data) => (data[WINDOW]![1] = "task" as never),
      [`${ENTRY}: task 2: must be a JSON object (a MaintenanceWindowExecutionTaskIdentity)`],
    ],
    [
      "an entry that is not an array",
      (data) => (data[WINDOW] = {} as never),
      [`${ENTRY}: must be an array of task executions`],
    ],
    [
      "an entry key that is not a WindowExecutionId",
      (data) => (data["a06e9f91-3b9c-4c3e-8bd4-246ccEXAMPLE"] = []),
      [
        /^data file bad\.json: entry "a06e9f91-3b9c-4c3e-8bd4-246ccEXAMPLE": is not a valid WindowExecutionId: Member must satisfy regular expression pattern: \^\[0-9a-fA-F\]\{8\}.+\$$/,
      ],
    ],
    [
      "several problems at once",
      (data) => {
        task(data, 0).StartTime = "yesterday";
        delete task(data, 1).Status;
      },
      [
        `${ENTRY}: task 1: Expected epoch seconds as a number at StartTime, found string "yesterday"`,
        `${ENTRY}: task 2: Status is missing`,
      ],
    ],
  ];
  for (const [name, breakIt, expected] of cases) {
    it(`refuses ${name}, naming the entry and task`, () => {
      const data = validFile();
      breakIt(data);
      const issues = issuesOf(JSON.stringify(data));
      assert.equal(issues.length, expected.length, issues.join("\n"));
      expected.forEach((want, index) =>
        typeof want === "string" ? assert.equal(issues[index], want) : assert.match(issues[index]!, want),
      );
    });
  }

  it("refuses a file that is not JSON, or not an object", () => {
    assert.match(issuesOf("{ nope")[0]!, /^data file bad\.json: not valid JSON: /);
    assert.deepEqual(issuesOf("[]"), [
      "data file bad.json: must be a JSON object mapping each WindowExecutionId to an array of task executions",
    ]);
  });

  describe("from disk", () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), "sjc-data-file-"));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("names the file in every message", () => {
      const path = join(dir, "broken.json");
      const data = validFile();
      task(data, 0).StartTime = "2024-08-04";
      writeFileSync(path, JSON.stringify(data));
      assert.throws(() => loadDataFile(path), {
        name: "DataFileError",
        message: `data file ${path}: entry "${WINDOW}": task 1: Expected epoch seconds as a number at StartTime, found string "2024-08-04"`,
      });
    });

    it("refuses a file it cannot read", () => {
      const path = join(dir, "missing.json");
      assert.throws(
        () => loadDataFile(path),
        (error: unknown) => {
          assert.ok(error instanceof DataFileError);
          assert.match(error.message, new RegExp(`^data file ${path}: cannot be read: ENOENT`));
          return true;
        },
      );
    });
  });
});
