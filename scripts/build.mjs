// `npm run build` – the production build: Next's, then the protocol front compiled beside it.
import { buildFront } from "./lib/front.mjs";
import { fail, run } from "./lib/run.mjs";

try {
  await run("npx", ["next", "build"]);
  await buildFront();
} catch (error) {
  fail(error.message);
}
