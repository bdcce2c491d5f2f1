import { createJsonRpcHandler } from "/work/main/runtime/src/index.js";
import { call, ThingsImplementation, thingsDescription } from "/work/main/test/runtime/server-fixture.js";
const h = createJsonRpcHandler(thingsDescription, new ThingsImplementation());
for (const c of ["1e400", "-99999999999999999999", "1.5"]) console.log((await call(h, { body: `{"ThingId":"abc","Count":${c}}` })).json);
