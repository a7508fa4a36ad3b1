"use client";

import { useState } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import { LiveJobLog } from "@/components/jobs/live-job-log";
import { Button } from "@/components/ui/button";

import { spaceAppStrings } from "./space-strings";

/**
 * A Space's logs: its current build's and its app's (the run starting, else the serving one), live
 * in the job pages' terminal view. Only the log on show is streamed.
 */
export function SpaceLogsPanel({
  buildJobId,
  runJobId,
}: {
  buildJobId: number | null;
  runJobId: number | null;
}) {
  const s = useStrings(spaceAppStrings);
  const [which, setWhich] = useState<"build" | "run">(runJobId ? "run" : "build");
  const jobId = which === "build" ? buildJobId : runJobId;
  return (
    <section className="space-y-2" data-testid="space-logs" aria-label={s.logs}>
      <div className="flex items-center gap-2" role="group" aria-label={s.logs}>
        <h2 className="mr-2 text-lg font-semibold">{s.logs}</h2>
        {(["build", "run"] as const).map((kind) => (
          <Button
            key={kind}
            type="button"
            size="sm"
            variant={which === kind ? "primary" : "secondary"}
            aria-pressed={which === kind}
            onClick={() => setWhich(kind)}
          >
            {kind === "build" ? s.buildLogTab : s.appLogTab}
          </Button>
        ))}
      </div>
      {jobId ? (
        <LiveJobLog key={jobId} jobId={jobId} live={false} />
      ) : (
        <p className="text-muted-foreground text-sm">{s.noLog}</p>
      )}
    </section>
  );
}
