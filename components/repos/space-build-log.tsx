"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef } from "react";

import { JobLogView } from "@/components/jobs/job-log-view";
import type { JobState } from "@/db/schema/job-enums";

const over: ReadonlySet<JobState> = new Set(["succeeded", "failed", "cancelled"]);

/**
 * A Space job's log (its build or its run), live on its page. When the job ends the page renders
 * again, so the state, the image and the offline commands appear without a reload.
 */
export function SpaceBuildLog({ jobId, live }: { jobId: number; live: boolean }) {
  const router = useRouter();
  const refreshed = useRef(!live);
  const onState = useCallback(
    (state: JobState | null) => {
      if (refreshed.current || !state || !over.has(state)) return;
      refreshed.current = true;
      // The server records the build's outcome just after the job ends: look again shortly too.
      for (const delay of [0, 1_500, 4_000]) setTimeout(() => router.refresh(), delay);
    },
    [router],
  );
  return <JobLogView jobId={jobId} onState={onState} />;
}
