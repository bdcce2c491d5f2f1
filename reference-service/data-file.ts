/**
 * Reads the data file behind the store: a JSON object mapping each
 * WindowExecutionId to an array of its task executions, each a
 * MaintenanceWindowExecutionTaskIdentity in wire form (timestamps as epoch
 * seconds). The file is checked as a whole, against the model (wire types,
 * lengths, patterns, enums) and for what the store needs (a unique
 * TaskExecutionId and a Status on every task); every problem is reported, each
 * naming its entry and task (counted from 1).
 */
import { readFileSync } from "node:fs";
import {
  SerializationError,
  deserializeShape,
  type MemberSchema,
  type ShapeId,
  type ShapeSchema,
  type ValidationFailure,
} from "@sjc/runtime";
import {
  type MaintenanceWindowExecutionTaskIdentity,
  serviceSchema,
  validateDescribeMaintenanceWindowExecutionTasksInput,
  validateDescribeMaintenanceWindowExecutionTasksOutput,
} from "@sjc/ssm";
import { createTaskStore, type TaskStore } from "./task-store.js";

const TASK_SHAPE: ShapeId = "com.amazonaws.ssm#MaintenanceWindowExecutionTaskIdentity";

/** A data file the server refuses; `message` lists every issue, one per line. */
export class DataFileError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(issues.join("\n"));
    this.name = "DataFileError";
  }
}

/** Reads and checks the data file at `path`. */
export function loadDataFile(path: string): TaskStore {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new DataFileError([`data file ${path}: cannot be read: ${(error as Error).message}`]);
  }
  return parseDataFile(text, path);
}

/** Checks the text of a data file; `source` names it in messages. */
export function parseDataFile(text: string, source: string): TaskStore {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError([`data file ${source}: not valid JSON: ${(error as Error).message}`]);
  }
  if (!isObject(json)) {
    throw new DataFileError([
      `data file ${source}: must be a JSON object mapping each WindowExecutionId to an array of task executions`,
    ]);
  }
  const issues: string[] = [];
  const executions = new Map<string, MaintenanceWindowExecutionTaskIdentity[]>();
  for (const [windowExecutionId, tasks] of Object.entries(json)) {
    const report = (message: string) => issues.push(`data file ${source}: entry "${windowExecutionId}": ${message}`);
    executions.set(windowExecutionId, readEntry(windowExecutionId, tasks, report));
  }
  if (issues.length > 0) throw new DataFileError(issues);
  return createTaskStore(executions);
}

function readEntry(
  windowExecutionId: string,
  tasks: unknown,
  report: (message: string) => void,
): MaintenanceWindowExecutionTaskIdentity[] {
  for (const failure of validateDescribeMaintenanceWindowExecutionTasksInput({
    WindowExecutionId: windowExecutionId,
  })) {
    report(`is not a valid WindowExecutionId: ${failure.constraint}`);
  }
  if (!Array.isArray(tasks)) {
    report("must be an array of task executions");
    return [];
  }
  const out: MaintenanceWindowExecutionTaskIdentity[] = [];
  const seen = new Set<string>();
  tasks.forEach((raw: unknown, index) => {
    const task = readTask(windowExecutionId, raw, (message) => report(`task ${index + 1}: ${message}`));
    if (task === undefined) return;
    const id = task.TaskExecutionId!;
    if (seen.has(id)) report(`task ${index + 1}: TaskExecutionId ${id} appears more than once`);
    seen.add(id);
    out.push(task);
  });
  return out;
}

/** The typed task, or undefined (after reporting why) when it is unusable. */
function readTask(
  windowExecutionId: string,
  raw: unknown,
  report: (message: string) => void,
): MaintenanceWindowExecutionTaskIdentity | undefined {
  if (!isObject(raw)) {
    report("must be a JSON object (a MaintenanceWindowExecutionTaskIdentity)");
    return undefined;
  }
  const unknown = unknownMembers(TASK_SHAPE, raw, "");
  unknown.forEach(report);
  let task: MaintenanceWindowExecutionTaskIdentity;
  try {
    task = deserializeShape(serviceSchema, TASK_SHAPE, raw) as MaintenanceWindowExecutionTaskIdentity;
  } catch (error) {
    if (!(error instanceof SerializationError)) throw error;
    report(error.message);
    return undefined;
  }
  task.WindowExecutionId ??= windowExecutionId;
  const failures = [
    ...validateDescribeMaintenanceWindowExecutionTasksOutput({ WindowExecutionTaskIdentities: [task] }),
  ];
  failures.forEach((failure) => report(describeFailure(failure)));
  const problems = [...storeProblems(windowExecutionId, task)];
  problems.forEach(report);
  return unknown.length + failures.length + problems.length === 0 ? task : undefined;
}

/** What the store needs beyond the model, which makes every member optional. */
function* storeProblems(windowExecutionId: string, task: MaintenanceWindowExecutionTaskIdentity): Iterable<string> {
  if (task.WindowExecutionId !== windowExecutionId) {
    yield `WindowExecutionId ${task.WindowExecutionId} differs from the entry's id (omit it, or make them equal)`;
  }
  if (task.TaskExecutionId === undefined) yield "TaskExecutionId is missing";
  if (task.Status === undefined) yield "Status is missing";
  for (const [name, time] of [
    ["StartTime", task.StartTime],
    ["EndTime", task.EndTime],
  ] as const) {
    if (time !== undefined && Number.isNaN(time.getTime())) yield `${name} is out of the range of dates`;
  }
  if (task.StartTime && task.EndTime && task.EndTime < task.StartTime) yield "EndTime is before StartTime";
}

/** Members the model does not know (typos), as dotted paths, walking nested structures and lists. */
function unknownMembers(shapeId: ShapeId, value: unknown, path: string): string[] {
  const shape = serviceSchema.shapes[shapeId];
  if (shape?.type === "list" && Array.isArray(value)) {
    return value.flatMap((item, index) => unknownMembers(shape.member.target, item, `${path}[${index}]`));
  }
  if (shape?.type !== "structure" || !isObject(value)) return [];
  const shapeName = shapeId.slice(shapeId.indexOf("#") + 1);
  return Object.entries(value).flatMap(([name, item]) => {
    const memberPath = path === "" ? name : `${path}.${name}`;
    const member = Object.hasOwn(shape.members, name) ? shape.members[name] : undefined;
    if (member === undefined) return [`${memberPath} is not a member of ${shapeName}`];
    return unknownMembers(member.target, item, memberPath);
  });
}

/** `Status: Member must satisfy enum value set: [...] (found "DONE")`, for a failure of a one-task output. */
function describeFailure(failure: ValidationFailure): string {
  // The validator names members AWS-style, relative to the output: windowExecutionTaskIdentities.1.member.status
  const segments = failure.path.split(".").slice(3);
  return `${modelPath(TASK_SHAPE, segments)}: ${failure.constraint} (found ${JSON.stringify(failure.value)})`;
}

/** Maps AWS-style segments (`alarms`, `1`, `member`, `name`) back to the model's names: `Alarms[0].Name`. */
function modelPath(shapeId: ShapeId, segments: readonly string[]): string {
  let path = "";
  let shape: ShapeSchema | undefined = serviceSchema.shapes[shapeId];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (shape?.type === "list" && /^\d+$/.test(segment)) {
      path += `[${Number(segment) - 1}]`;
      shape = serviceSchema.shapes[shape.member.target];
      i++; // the "member" after the index
      continue;
    }
    const members: Readonly<Record<string, MemberSchema>> = shape?.type === "structure" ? shape.members : {};
    const name = Object.keys(members).find((member) => member.charAt(0).toLowerCase() + member.slice(1) === segment);
    path += `${path === "" ? "" : "."}${name ?? segment}`;
    shape = name === undefined ? undefined : serviceSchema.shapes[members[name]!.target];
  }
  return path;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
