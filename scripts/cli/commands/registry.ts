import { formatRegistryGcReport, runRegistryGc } from "@/lib/registry/gc";

import type { Command } from "../command";

export const registryGc: Command = {
  name: "registry:gc",
  usage: "registry:gc [--dry-run] [--verbose]",
  description:
    "Delete registry blobs no manifest uses, abandoned uploads and stale temp files (--dry-run only reports; --verbose lists the digests).",
  options: { "dry-run": { type: "boolean" }, verbose: { type: "boolean" } },
  async run(values) {
    const report = await runRegistryGc({ dryRun: values["dry-run"] === true });
    if (values.verbose === true) for (const digest of report.blobs.digests) console.log(digest);
    console.log(formatRegistryGcReport(report));
  },
};
