"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef } from "react";

import type { JobState } from "@/db/schema/job-enums";

import { JobLogView } from "./job-log-view";

const over: ReadonlySet<JobState> = new Set(["succeeded", "failed", "cancelled"]);

/**
 * A job's log, live on the page of what the job is for (a Space build, a model CI run). When the
 * job ends the page renders again, so what the job's end recorded appears without a reload.
 */
export function LiveJobLog({ jobId, live }: { jobId: number; live: boolean }) {
  const router = useRouter();
  const refreshed = useRef(!live);
  const onState = useCallback(
    (state: JobState | null) => {
      if (refreshed.current || !state || !over.has(state)) return;
      refreshed.current = true;
      // The server records the outcome just after the job ends: look again shortly too.
      for (const delay of [0, 1_500, 4_000]) setTimeout(() => router.refresh(), delay);
    },
    [router],
  );
  return <JobLogView jobId={jobId} onState={onState} />;
}
