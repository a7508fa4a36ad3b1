"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";

import { useStrings } from "@/components/i18n/locale-provider";
import type { JobState } from "@/db/schema/job-enums";
import type { JobView } from "@/lib/jobs/job-view";
import type { JobListItem } from "@/lib/jobs/overview";

import { JobActions } from "./job-actions";
import { JobLogView } from "./job-log-view";
import { LabelList } from "./label-list";
import { LocalTime } from "./local-time";
import { JobStateBadge } from "./state-badge";
import { jobStrings } from "./strings";

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

function Fact({ term, children, wide }: { term: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "col-span-2 lg:col-span-4" : "min-w-0"}>
      <dt className="text-muted-foreground text-xs">{term}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

/**
 * A job's page body, kept live: the log stream reports each state change, which updates the badge
 * at once and re-reads the job (runner, timings, exit code) from the API.
 */
export function JobDetails({ initial, canControl }: { initial: JobListItem; canControl: boolean }) {
  const s = useStrings(jobStrings);
  const [job, setJob] = useState(initial);
  const shownState = useRef(initial.state);

  const reload = useCallback(async () => {
    const response = await fetch(`/api/jobs/${initial.id}`, { cache: "no-store" });
    if (response.ok) setJob((await response.json()) as JobListItem);
  }, [initial.id]);

  const onState = useCallback(
    (state: JobState | null) => {
      if (!state || state === shownState.current) return;
      shownState.current = state;
      setJob((current) => ({ ...current, state }));
      void reload();
    },
    [reload],
  );
  const onChanged = useCallback((view: JobView) => {
    shownState.current = view.state;
    setJob((current) => ({
      ...current,
      ...view,
      waitReason: view.state === "queued" ? current.waitReason : null,
    }));
  }, []);

  const running = job.state === "running";
  const now = useNow(running);
  const end = job.finishedAt ? Date.parse(job.finishedAt) : running ? now : null;
  const duration =
    job.startedAt && end !== null ? s.duration(end - Date.parse(job.startedAt)) : null;
  const when = (iso: string | null) =>
    iso ? <LocalTime iso={iso} /> : <span className="text-muted-foreground">{s.notYet}</span>;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            {s.jobTitle(job.id)}
            <JobStateBadge state={job.state} label={s.states[job.state]} />
          </h1>
          <p className="text-muted-foreground mt-1 text-sm">
            {s.kinds[job.kind]}
            {job.runner ? ` · ${s.onRunner(job.runner.name)}` : ""}
          </p>
        </div>
        {canControl ? <JobActions job={job} onChanged={onChanged} /> : null}
      </div>

      {job.state === "queued" && job.waitReason ? (
        <p
          role="status"
          className="bg-subtle rounded-md border px-3 py-2 text-sm"
          data-testid="job-wait-reason"
        >
          <span className="text-muted-foreground">{s.waiting}</span> {job.waitReason}
        </p>
      ) : null}
      {job.cancelRequested && running ? (
        <p role="status" className="text-warning text-sm">
          {s.cancelRequested}
        </p>
      ) : null}

      <dl
        className="bg-card grid grid-cols-2 gap-4 rounded-lg border p-4 lg:grid-cols-4"
        data-testid="job-facts"
      >
        <Fact term={s.factState}>{s.states[job.state]}</Fact>
        <Fact term={s.factRunner}>
          {job.runner?.name ?? <span className="text-muted-foreground">{s.notYet}</span>}
        </Fact>
        <Fact term={s.factAttempt}>{s.attemptOf(Math.max(job.attempt, 1), job.maxAttempts)}</Fact>
        <Fact term={s.factExitCode}>
          <span data-testid="job-exit-code">
            {job.exitCode ?? <span className="text-muted-foreground">—</span>}
          </span>
        </Fact>
        <Fact term={s.factQueued}>{when(job.queuedAt)}</Fact>
        <Fact term={s.factStarted}>{when(job.startedAt)}</Fact>
        <Fact term={s.factFinished}>{when(job.finishedAt)}</Fact>
        <Fact term={s.factDuration}>
          <span data-testid="job-duration" suppressHydrationWarning>
            {duration ?? <span className="text-muted-foreground">—</span>}
          </span>
        </Fact>
        <Fact term={s.factLabels}>
          <LabelList labels={job.labels} empty={s.none} />
        </Fact>
        <Fact term={s.factNpus}>
          {job.npuCount
            ? `${job.npuCount}${job.npuDevices.length ? ` (davinci${job.npuDevices.join(", davinci")})` : ""}`
            : s.none}
        </Fact>
        <Fact term={s.factTimeout}>{s.duration(job.timeoutSeconds * 1000)}</Fact>
        <Fact term={s.factCreatedBy}>
          {job.createdBy?.name ?? s.system}
          {job.retryOf ? (
            <>
              {" · "}
              {s.factRetryOf}{" "}
              <Link href={`/jobs/${job.retryOf}`} className="text-brand hover:underline">
                #{job.retryOf}
              </Link>
            </>
          ) : null}
        </Fact>
        {job.failureReason ? (
          <Fact term={s.factReason} wide>
            <span className="text-danger" data-testid="job-reason">
              {job.failureReason}
            </span>
          </Fact>
        ) : null}
        {job.steps.length ? (
          <Fact term={s.steps} wide>
            <ol className="list-inside list-decimal space-y-0.5">
              {job.steps.map((step, i) => (
                <li key={i}>
                  {step.name ?? step.type}
                  {step.image ? (
                    <span className="text-muted-foreground ml-2 font-mono text-xs [overflow-wrap:anywhere]">
                      {step.image}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          </Fact>
        ) : null}
      </dl>

      <JobLogView jobId={job.id} onState={onState} />
    </div>
  );
}
