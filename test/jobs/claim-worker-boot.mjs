// Worker-thread entry: loads a TypeScript module with tsx (vitest does not transform worker code).
import { workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

await tsImport(workerData.module, import.meta.url);
