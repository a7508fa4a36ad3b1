import { enqueueDiagnosticJob } from "@/lib/jobs/diagnostic";
import { createRegistrationToken } from "@/lib/jobs/registration-tokens";

import { requireString, UsageError, type Command } from "../command";

export const runnersToken: Command = {
  name: "runners:token",
  usage: "runners:token [--description D] [--uses N]",
  description: "Print a runner registration token (valid for a day; one use unless --uses).",
  options: { description: { type: "string" }, uses: { type: "string" } },
  async run(values) {
    const uses = values.uses === undefined ? 1 : Number(values.uses);
    if (!Number.isInteger(uses) || uses < 1)
      throw new UsageError("--uses must be a whole number of at least 1.");
    const created = await createRegistrationToken({
      description: typeof values.description === "string" ? values.description : undefined,
      maxUses: uses,
    });
    console.log(created.token);
  },
};

export const jobsRun: Command = {
  name: "jobs:run",
  usage: "jobs:run --labels k=v[,k=v…] --script S [--npus N] [--timeout SECONDS]",
  description: "Queue a diagnostic script on a runner matching the labels; prints the job id.",
  options: {
    labels: { type: "string" },
    script: { type: "string" },
    npus: { type: "string" },
    timeout: { type: "string" },
  },
  async run(values) {
    const job = await enqueueDiagnosticJob({
      labels: requireString(values, "labels", this),
      script: requireString(values, "script", this),
      npuCount: values.npus === undefined ? 0 : Number(values.npus),
      timeoutSeconds: values.timeout === undefined ? undefined : Number(values.timeout),
      createdBy: null,
    });
    // A string: a number would be coloured (and unparseable) when FORCE_COLOR is set.
    console.log(String(job.id));
  },
};
