/**
 * `npm run test:browser`: the example page (examples/browser) in headless
 * Chromium (Debian's `chromium`, driven by playwright-core), calling the
 * reference server (`npm start -- --cors ORIGIN`, SigV4 checked) from another
 * origin. Asserts the task rows the page shows, all pages of them, and saves a
 * screenshot as .tmp/browser.png. Not part of `npm test`: it needs Chromium.
 */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { SSMClient, paginateDescribeMaintenanceWindowExecutionTasks } from "@sjc/ssm";
import { buildExample } from "../../examples/browser/build.js";
import { ACCESS_KEY_ID, BIG_ID, SECRET_ACCESS_KEY, bundledStore } from "../../harness/reference-fixtures.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT = join(ROOT, ".tmp/browser-example");
const SCREENSHOT = join(ROOT, ".tmp/browser.png");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript" };

/** Serves the built page from `dir` on 127.0.0.1 and a free port. */
async function servePage(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const name = new URL(req.url ?? "/", "http://x").pathname.slice(1) || "index.html";
    if (!/^[\w.-]+$/.test(name)) return void res.writeHead(404).end();
    try {
      const body = await readFile(join(dir, name));
      res.writeHead(200, { "content-type": TYPES[extname(name)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  }).listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** `npm start -- --port 0 …` with SigV4 checked; resolves with the URL it prints once listening. */
async function startReferenceServer(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "reference-service/main.ts", "--port", "0", ...args], {
    cwd: ROOT,
    env: { ...process.env, SSM_CREDENTIALS: `${ACCESS_KEY_ID}:${SECRET_ACCESS_KEY}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // Read stdout to the end (a listener, not an async iterator that would close the pipe on return), so the
  // server's shutdown lines still have a reader.
  let out = "";
  child.stdout!.setEncoding("utf8");
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", () => reject(new Error(`the reference server exited before listening:\n${out}`)));
  });
  return { child, url };
}

/** Opens the page for `endpoint` and the big window execution; resolves once it shows a result. */
async function openPage(page: Page, origin: string, endpoint: string): Promise<{ state: string; text: string }> {
  const query = new URLSearchParams({
    endpoint,
    execution: BIG_ID,
    accessKeyId: ACCESS_KEY_ID,
    secret: SECRET_ACCESS_KEY,
  });
  await page.goto(`${origin}/index.html?${query}`);
  const status = page.locator("#status");
  await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: 20_000 });
  return { state: (await status.getAttribute("data-state"))!, text: (await status.textContent())! };
}

describe("browser: the example page in headless Chromium", function () {
  this.timeout(90_000);
  let browser: Browser;
  let page: Page;
  let pageServer: Server;
  let origin: string;
  const children: ChildProcess[] = [];

  before(async function () {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    await buildExample(OUT);
    ({ server: pageServer, origin } = await servePage(OUT));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    page = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    pageServer?.close();
    await Promise.all(
      children.map(async (child) => {
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        await exited;
      }),
    );
  });

  it("lists every task of a window execution, page by page, from a server of another origin", async () => {
    const { child, url } = await startReferenceServer(["--cors", origin]);
    children.push(child);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    const result = await openPage(page, origin, url);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const fixture = bundledStore()
      .tasksOf(BIG_ID)!
      .map((task) => task.TaskExecutionId);
    assert.deepEqual(result, { state: "done", text: `${fixture.length} tasks` });
    assert.deepEqual(errors, []);

    const shown = await page
      .locator("#tasks tbody tr")
      .evaluateAll((rows) =>
        rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent)),
      );
    // The same listing through the client in Node, and the fixture's tasks.
    const client = new SSMClient({
      region: "us-east-1",
      endpoint: url,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
    });
    const expected: string[][] = [];
    for await (const output of paginateDescribeMaintenanceWindowExecutionTasks(
      { client, pageSize: 10 },
      { WindowExecutionId: BIG_ID },
    )) {
      for (const task of output.WindowExecutionTaskIdentities ?? []) {
        expected.push([
          task.TaskExecutionId!,
          task.TaskArn ?? "",
          task.TaskType ?? "",
          task.Status ?? "",
          task.StartTime?.toISOString() ?? "",
        ]);
      }
    }
    client.destroy();
    assert.deepEqual(shown, expected);
    assert.deepEqual(shown.map((cells) => cells[0]).sort(), [...fixture].sort());
  });

  it("shows the browser's refusal when the server sends no CORS headers", async () => {
    const { child, url } = await startReferenceServer([]);
    children.push(child);
    const result = await openPage(page, origin, url);
    assert.equal(result.state, "error");
    assert.equal(await page.locator("#tasks").isHidden(), true);
  });
});
