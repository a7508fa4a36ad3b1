"use client";

import Link from "next/link";
import { useState } from "react";

import { rerunModelCiAction } from "@/app/_repo-actions/model-ci";
import { cancelJobAction } from "@/app/jobs/[id]/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { LiveJobLog } from "@/components/jobs/live-job-log";
import { LocalTime } from "@/components/jobs/local-time";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ModelCiRecord } from "@/lib/model-ci/results";

import { CiStatusBadge } from "./ci-status-badge";
import { modelCiStrings } from "./strings";

function reasonText(reasons: Record<string, string>, reason: string): string {
  return Object.hasOwn(reasons, reason) ? reasons[reason]! : reason;
}

/** One environment of a run: status, duration, its live log on demand, stop and rerun. */
export function CiRunRow({
  record,
  model,
  canWrite,
}: {
  record: ModelCiRecord;
  model: { owner: string; name: string };
  canWrite: boolean;
}) {
  const s = useStrings(modelCiStrings);
  const open = record.status === "queued" || record.status === "running";
  const [showLog, setShowLog] = useState(open);
  const stop = useFormAction(cancelJobAction, { confirm: () => window.confirm(s.confirmStop) });
  const rerun = useFormAction(rerunModelCiAction);
  const [repository, tag] = record.image.split(":");
  const error = [stop.state, rerun.state].find((st) => st.status === "error");
  return (
    <li className="space-y-2 border-t py-3 first:border-t-0" data-testid="ci-row">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <CiStatusBadge status={record.status} label={s.status[record.status]} />
        <span className="font-medium">{record.environment}</span>
        <Link
          href={`/images/${repository}/tags/${tag}`}
          className="text-muted-foreground font-mono text-xs hover:underline"
        >
          {record.image}
        </Link>
        {record.stop_reason ? (
          <span className="text-muted-foreground text-xs" data-testid="ci-reason">
            {reasonText(s.reasons, record.stop_reason)}
          </span>
        ) : null}
        {record.duration_seconds !== null ? (
          <span className="text-muted-foreground text-xs">
            {s.duration(record.duration_seconds)}
          </span>
        ) : null}
        <span className="text-muted-foreground font-mono text-xs" data-testid="ci-commit">
          {record.commit.slice(0, 7)}
        </span>
        <span className="text-muted-foreground text-xs">
          <LocalTime iso={record.created_at} />
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        {record.job_id !== null ? (
          <>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => setShowLog(!showLog)}
              aria-expanded={showLog}
            >
              {s.showLog}
            </Button>
            <a href={record.log_url ?? "#"} download className="text-sm hover:underline">
              {s.downloadLog}
            </a>
          </>
        ) : null}
        {canWrite && open && record.job_id !== null ? (
          <form onSubmit={stop.onSubmit}>
            <input type="hidden" name="jobId" value={record.job_id} />
            <Button type="submit" variant="secondary" size="sm" disabled={stop.pending}>
              {stop.pending ? s.stopping : s.stop}
            </Button>
          </form>
        ) : null}
        {canWrite && !open ? (
          <form onSubmit={rerun.onSubmit}>
            <input type="hidden" name="owner" value={model.owner} />
            <input type="hidden" name="name" value={model.name} />
            <input type="hidden" name="id" value={record.id} />
            <Button type="submit" variant="secondary" size="sm" disabled={rerun.pending}>
              {rerun.pending ? s.rerunning : s.rerun}
            </Button>
          </form>
        ) : null}
        {error?.status === "error" ? (
          <p role="alert" className="text-danger text-sm">
            {error.message}
          </p>
        ) : null}
      </div>
      {showLog && record.job_id !== null ? <LiveJobLog jobId={record.job_id} live={open} /> : null}
    </li>
  );
}
