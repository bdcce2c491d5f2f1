/**
 * Lists the tasks of a maintenance window execution with the generated SSM
 * client, from a browser. `?endpoint=` names the server (default the local
 * reference server, `npm start -- --cors ORIGIN`), `?execution=` the window
 * execution to list at once.
 */
import {
  type MaintenanceWindowExecutionTaskIdentity,
  SSMClient,
  paginateDescribeMaintenanceWindowExecutionTasks,
} from "@sjc/ssm";

const params = new URLSearchParams(location.search);
const client = new SSMClient({
  region: "us-east-1",
  endpoint: params.get("endpoint") ?? "http://127.0.0.1:8080",
  // The reference server checks no signatures unless started with access keys.
  credentials: { accessKeyId: params.get("accessKeyId") ?? "test", secretAccessKey: params.get("secret") ?? "test" },
});

const form = document.querySelector<HTMLFormElement>("#query")!;
const execution = document.querySelector<HTMLInputElement>("#execution")!;
const status = document.querySelector<HTMLElement>("#status")!;
const table = document.querySelector<HTMLTableElement>("#tasks")!;

function setStatus(state: "loading" | "done" | "error", text: string): void {
  status.dataset.state = state;
  status.textContent = text;
}

function row(task: MaintenanceWindowExecutionTaskIdentity): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const cells = [task.TaskExecutionId, task.TaskArn, task.TaskType, task.Status, task.StartTime?.toISOString()];
  for (const value of cells) tr.insertCell().textContent = value ?? "";
  return tr;
}

async function listTasks(windowExecutionId: string): Promise<void> {
  setStatus("loading", "Loading…");
  const body = table.tBodies[0]!;
  body.replaceChildren();
  table.hidden = true;
  try {
    const pages = paginateDescribeMaintenanceWindowExecutionTasks(
      { client, pageSize: 10 },
      { WindowExecutionId: windowExecutionId },
    );
    for await (const page of pages) body.append(...(page.WindowExecutionTaskIdentities ?? []).map(row));
    table.hidden = false;
    setStatus("done", `${body.rows.length} tasks`);
  } catch (error) {
    const { name, message } = error as Error;
    setStatus("error", `${name}: ${message}`);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  void listTasks(execution.value.trim());
});

const initial = params.get("execution");
if (initial) {
  execution.value = initial;
  void listTasks(initial);
}
