/**
 * The generated validators of DescribeMaintenanceWindowExecutionTasks at every
 * boundary of the model's constraints, with AWS-style messages.
 */
import assert from "node:assert/strict";
import {
  MaintenanceWindowExecutionStatus,
  MaintenanceWindowTaskType,
  validateDescribeMaintenanceWindowExecutionTasksInput as validateInput,
  validateDescribeMaintenanceWindowExecutionTasksOutput as validateOutput,
} from "@sjc/ssm";
import { formatValidationMessage } from "@sjc/runtime";

const ID = "a06e9f91-3b9c-4c3e-8bd4-246cc0123456";
const message = (value: unknown, check = validateInput) => formatValidationMessage(check(value));
const valid = (value: unknown, check = validateInput) => assert.deepEqual(check(value), [], message(value, check));

describe("generated validators: DescribeMaintenanceWindowExecutionTasks input", () => {
  it("accepts a minimal and a maximal input", () => {
    valid({ WindowExecutionId: ID });
    valid({
      WindowExecutionId: ID,
      MaxResults: 100,
      NextToken: "token",
      Filters: Array.from({ length: 5 }, () => ({ Key: "k".repeat(128), Values: ["v".repeat(256)] })),
    });
  });

  it("requires WindowExecutionId", () => {
    assert.equal(
      message({}),
      "1 validation error detected: Value null at 'windowExecutionId' failed to satisfy constraint: Member must not be null",
    );
  });

  it("checks WindowExecutionId length 35 / 36 / 37 and the pattern", () => {
    const short = message({ WindowExecutionId: ID.slice(1) });
    assert.match(
      short,
      /^2 validation errors detected: Value '.{35}' at 'windowExecutionId' failed to satisfy constraint: Member must have length greater than or equal to 36; /,
    );
    assert.match(short, /Member must satisfy regular expression pattern/);
    valid({ WindowExecutionId: ID });
    const long = message({ WindowExecutionId: `${ID}0` });
    assert.match(long, /^2 validation errors detected: /);
    assert.match(long, /Member must have length less than or equal to 36/);
    assert.match(long, /Member must satisfy regular expression pattern: \^\[0-9a-fA-F\]\{8\}/);
    assert.equal(
      message({ WindowExecutionId: "a06e9f91-3b9c-4c3e-8bd4-246ccEXAMPLE" }),
      "1 validation error detected: Value 'a06e9f91-3b9c-4c3e-8bd4-246ccEXAMPLE' at 'windowExecutionId' failed to satisfy constraint: " +
        "Member must satisfy regular expression pattern: ^[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{12}$",
    );
  });

  it("checks MaxResults 9 / 10 / 100 / 101 and non-integers", () => {
    assert.equal(
      message({ WindowExecutionId: ID, MaxResults: 9 }),
      "1 validation error detected: Value '9' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 10",
    );
    valid({ WindowExecutionId: ID, MaxResults: 10 });
    valid({ WindowExecutionId: ID, MaxResults: 100 });
    assert.equal(
      message({ WindowExecutionId: ID, MaxResults: 101 }),
      "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    assert.match(
      message({ WindowExecutionId: ID, MaxResults: 10.5 }),
      /Value '10.5' at 'maxResults' failed to satisfy constraint: Member must be an integer/,
    );
    assert.match(message({ WindowExecutionId: ID, MaxResults: "10" }), /at 'maxResults'/);
  });

  it("checks the number of filters: 5 pass, 6 fail", () => {
    const filter = { Key: "STATUS", Values: ["SUCCESS"] };
    valid({ WindowExecutionId: ID, Filters: Array(5).fill(filter) });
    assert.match(
      message({ WindowExecutionId: ID, Filters: Array(6).fill(filter) }),
      /^1 validation error detected: Value '\[.*\]' at 'filters' failed to satisfy constraint: Member must have length less than or equal to 5$/,
    );
  });

  it("checks filter keys of 0 / 1 / 128 / 129 characters", () => {
    const withKey = (Key: string) => ({ WindowExecutionId: ID, Filters: [{ Key, Values: ["x"] }] });
    assert.match(
      message(withKey("")),
      /Value '' at 'filters.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    );
    valid(withKey("K"));
    valid(withKey("K".repeat(128)));
    assert.match(
      message(withKey("K".repeat(129))),
      /at 'filters.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128/,
    );
  });

  it("checks filter values of 256 / 257 characters, with the list index in the path", () => {
    const withValue = (value: string) => ({
      WindowExecutionId: ID,
      Filters: [{ Key: "STATUS", Values: ["ok", value] }],
    });
    valid(withValue("v".repeat(256)));
    assert.match(
      message(withValue("v".repeat(257))),
      /at 'filters.1.member.values.2.member' failed to satisfy constraint: Member must have length less than or equal to 256/,
    );
  });

  it("counts length in Unicode code points, not UTF-16 units", () => {
    const emoji = "😀"; // two UTF-16 code units, one code point
    const withKey = (Key: string) => ({ WindowExecutionId: ID, Filters: [{ Key, Values: ["x"] }] });
    assert.equal("😀".repeat(128).length, 256);
    valid(withKey(emoji.repeat(128)));
    assert.match(message(withKey(emoji.repeat(129))), /Member must have length less than or equal to 128/);
  });

  it("reports every failure at once", () => {
    const failures = validateInput({ WindowExecutionId: "x", MaxResults: 500, Filters: [{ Key: "", Values: [] }] });
    assert.deepEqual(
      failures.map((f) => f.path),
      ["windowExecutionId", "windowExecutionId", "filters.1.member.key", "maxResults"],
    );
    assert.match(formatValidationMessage(failures), /^4 validation errors detected: .*; .*; .*; /);
  });
});

describe("generated validators: DescribeMaintenanceWindowExecutionTasks output", () => {
  const task = (extra: Record<string, unknown>) => ({
    WindowExecutionTaskIdentities: [
      { WindowExecutionId: ID, TaskExecutionId: ID, TaskArn: "AWS-RunPatchBaseline", ...extra },
    ],
  });

  it("accepts every status and task type the model lists", () => {
    assert.equal(Object.keys(MaintenanceWindowExecutionStatus).length, 8);
    for (const Status of Object.values(MaintenanceWindowExecutionStatus)) valid(task({ Status }), validateOutput);
    for (const TaskType of Object.values(MaintenanceWindowTaskType)) valid(task({ TaskType }), validateOutput);
  });

  it("refuses values outside an enum, naming the allowed set", () => {
    assert.match(
      message(task({ Status: "DONE" }), validateOutput),
      /Value 'DONE' at 'windowExecutionTaskIdentities.1.member.status' failed to satisfy constraint: Member must satisfy enum value set: \[PENDING, IN_PROGRESS, SUCCESS, FAILED, TIMED_OUT, CANCELLING, CANCELLED, SKIPPED_OVERLAPPING\]/,
    );
    assert.match(
      message(task({ TaskType: "SHELL" }), validateOutput),
      /Member must satisfy enum value set: \[RUN_COMMAND, AUTOMATION, STEP_FUNCTIONS, LAMBDA\]/,
    );
  });

  it("checks nested alarm lists", () => {
    valid(task({ AlarmConfiguration: { Alarms: [{ Name: "cpu-high" }] } }), validateOutput);
    assert.match(
      message(task({ AlarmConfiguration: { Alarms: [] } }), validateOutput),
      /at 'windowExecutionTaskIdentities.1.member.alarmConfiguration.alarms' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    );
    assert.match(
      message(task({ TriggeredAlarms: [{ Name: "cpu-high" }] }), validateOutput),
      /triggeredAlarms.1.member.state' failed to satisfy constraint: Member must not be null/,
    );
  });
});
