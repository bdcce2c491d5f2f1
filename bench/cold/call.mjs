// What both cold-start scripts share: the call, a stub request handler answering a canned
// 200 with 10 task identities, and the check of the output. Plain JavaScript, so that
// no loader stands between node and the clients. bench/client.ts passes the canned body
// in BENCH_RESPONSE_BODY (it is built from the bundled data by bench/fixtures.ts).

const body = new TextEncoder().encode(process.env.BENCH_RESPONSE_BODY ?? "");
const headers = {
  "content-type": "application/x-amz-json-1.1",
  "content-length": String(body.length),
  "x-amzn-requestid": "b6d6f5c1-0ad6-4a3e-9b4e-4c1e2a7d9f00",
};

export const CALL = {
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
};

export const INPUT = { WindowExecutionId: "25b3420a-6338-4e24-8039-225f0c75b728", MaxResults: 10 };

export function stubHandler() {
  return {
    handle: async () => ({ response: { statusCode: 200, headers: { ...headers }, body } }),
  };
}

export function checkOutput(output) {
  const count = output.WindowExecutionTaskIdentities?.length;
  if (count !== 10) throw new Error(`expected 10 task identities, got ${count}`);
}
