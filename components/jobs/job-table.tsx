import Link from "next/link";

import { formatDateTime, formatRelative } from "@/lib/format";
import { getLocale, getStrings } from "@/lib/i18n/server";
import type { JobListItem } from "@/lib/jobs/overview";

import { LabelList } from "./label-list";
import { JobStateBadge } from "./state-badge";
import { jobStrings } from "./strings";

const cell = "px-4 py-3 align-top max-md:block max-md:px-4 max-md:py-1";
const label = "text-muted-foreground mr-1 md:hidden";

/**
 * Jobs as a table (cards on phones). `queue` shows what each job needs and why a queued one waits;
 * otherwise the runner, when it finished and how long it took.
 */
export async function JobTable({ jobs, mode }: { jobs: JobListItem[]; mode: "queue" | "recent" }) {
  const [s, locale] = await Promise.all([getStrings(jobStrings), getLocale()]);
  return (
    <div className="overflow-hidden rounded-lg border">
      <table className="w-full text-sm max-md:block">
        <thead className="bg-subtle text-muted-foreground text-left max-md:hidden">
          <tr>
            <th className="px-4 py-2 font-medium">{s.columnJob}</th>
            <th className="px-4 py-2 font-medium">{s.columnState}</th>
            {mode === "queue" ? (
              <>
                <th className="px-4 py-2 font-medium">{s.columnNeeds}</th>
                <th className="px-4 py-2 font-medium">{s.columnQueued}</th>
                <th className="px-4 py-2 font-medium">{s.columnWhy}</th>
              </>
            ) : (
              <>
                <th className="px-4 py-2 font-medium">{s.columnRunner}</th>
                <th className="px-4 py-2 font-medium">{s.columnFinished}</th>
                <th className="px-4 py-2 font-medium">{s.columnDuration}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody className="max-md:block">
          {jobs.map((job) => (
            <tr
              key={job.id}
              className="border-t first:border-t-0 max-md:block max-md:py-2 md:first:border-t"
              data-testid={mode === "queue" ? "queue-row" : "recent-row"}
              data-job={job.id}
            >
              <td className={cell}>
                <Link href={`/jobs/${job.id}`} className="text-brand font-medium hover:underline">
                  #{job.id}
                </Link>{" "}
                <span className="text-muted-foreground">{s.kinds[job.kind]}</span>
                {job.createdBy ? (
                  <span className="text-muted-foreground text-xs"> · {job.createdBy.name}</span>
                ) : null}
              </td>
              <td className={cell}>
                <span className={label}>{s.columnState}:</span>
                <JobStateBadge state={job.state} label={s.states[job.state]} />
              </td>
              {mode === "queue" ? (
                <>
                  <td className={cell}>
                    <span className={label}>{s.columnNeeds}:</span>
                    <div className="inline-flex flex-col gap-1">
                      <LabelList labels={job.labels} empty={s.none} />
                      {job.npuCount ? (
                        <span className="text-xs">{s.npuCount(job.npuCount)}</span>
                      ) : null}
                    </div>
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <span className={label}>{s.columnQueued}:</span>
                    <span title={formatDateTime(job.queuedAt, locale)}>
                      {formatRelative(job.queuedAt, locale)}
                    </span>
                  </td>
                  <td className={cell} data-testid="wait-reason">
                    <span className={label}>{s.columnWhy}:</span>
                    {job.waitReason ?? (job.runner ? s.onRunner(job.runner.name) : "—")}
                  </td>
                </>
              ) : (
                <>
                  <td className={cell}>
                    <span className={label}>{s.columnRunner}:</span>
                    {job.runner?.name ?? "—"}
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <span className={label}>{s.columnFinished}:</span>
                    {job.finishedAt ? (
                      <span title={formatDateTime(job.finishedAt, locale)}>
                        {formatRelative(job.finishedAt, locale)}
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <span className={label}>{s.columnDuration}:</span>
                    {job.startedAt && job.finishedAt
                      ? s.duration(Date.parse(job.finishedAt) - Date.parse(job.startedAt))
                      : "—"}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
