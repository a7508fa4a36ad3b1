"use client";

import { useEffect } from "react";

import { cancelJobAction, retryJobAction } from "@/app/jobs/[id]/actions";
import { useStrings } from "@/components/i18n/locale-provider";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { JobView } from "@/lib/jobs/job-view";

import { jobStrings } from "./strings";

const ended = (state: JobView["state"]) => state !== "queued" && state !== "running";

/** Cancel (while it is queued or running) and Retry (once it ended), for those who may control the job. */
export function JobActions({
  job,
  onChanged,
}: {
  job: JobView;
  onChanged: (job: JobView) => void;
}) {
  const s = useStrings(jobStrings);
  const cancel = useFormAction(cancelJobAction, { confirm: () => window.confirm(s.confirmCancel) });
  const retry = useFormAction(retryJobAction);

  useEffect(() => {
    if (cancel.state.status === "success") onChanged(cancel.state.data);
  }, [cancel.state, onChanged]);

  const error =
    cancel.state.status === "error"
      ? cancel.state.message
      : retry.state.status === "error"
        ? retry.state.message
        : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {!ended(job.state) ? (
        <form onSubmit={cancel.onSubmit}>
          <input type="hidden" name="jobId" value={job.id} />
          <Button
            type="submit"
            variant="secondary"
            size="sm"
            disabled={cancel.pending || job.cancelRequested}
          >
            {cancel.pending || job.cancelRequested ? s.cancelling : s.cancel}
          </Button>
        </form>
      ) : (
        <form onSubmit={retry.onSubmit}>
          <input type="hidden" name="jobId" value={job.id} />
          <Button type="submit" variant="secondary" size="sm" disabled={retry.pending}>
            {retry.pending ? s.retrying : s.retry}
          </Button>
        </form>
      )}
      {error ? (
        <p role="alert" className="text-danger w-full text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}
