import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatDateTime, formatRelative } from "@/lib/format";
import { getLocale, getStrings } from "@/lib/i18n/server";
import type { RunnerOverview } from "@/lib/jobs/overview";

import { LabelList } from "./label-list";
import { RemoveRunnerButton } from "./runner-actions";
import { jobStrings, type JobStrings } from "./strings";

const cell = "px-4 py-3 align-top max-lg:block max-lg:px-4 max-lg:py-1";
const label = "text-muted-foreground mr-1 lg:hidden";

function NpuCell({ npu, s }: { npu: RunnerOverview["npu"]; s: JobStrings }) {
  if (!npu.devices.length) return <span className="text-muted-foreground">{s.noNpus}</span>;
  const used = new Set(npu.used);
  return (
    <div className="space-y-1">
      <div className="text-xs">
        {npu.chip ? <span className="font-mono font-medium">{npu.chip}</span> : null}{" "}
        <span data-testid="runner-npu-summary">
          {s.npusUsedFree(npu.used.length, npu.free.length)}
        </span>
      </div>
      <ul className="flex flex-wrap gap-1">
        {npu.devices.map((d) => (
          <li
            key={d}
            title={`/dev/davinci${d}: ${used.has(d) ? s.npuUsed : s.npuFree}`}
            data-npu-state={used.has(d) ? "used" : "free"}
            className={cn(
              "rounded px-1.5 py-0.5 font-mono text-[11px]",
              used.has(d) ? "bg-brand text-brand-foreground" : "bg-muted text-muted-foreground",
            )}
          >
            {d}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Registered runners: status, labels, capacity, NPUs used and free, current jobs. */
export async function RunnerTable({ runners }: { runners: RunnerOverview[] }) {
  const [s, locale] = await Promise.all([getStrings(jobStrings), getLocale()]);
  return (
    <div className="overflow-hidden rounded-lg border">
      <table className="w-full text-sm max-lg:block">
        <thead className="bg-subtle text-muted-foreground text-left max-lg:hidden">
          <tr>
            <th className="px-4 py-2 font-medium">{s.columnRunner}</th>
            <th className="px-4 py-2 font-medium">{s.columnLabels}</th>
            <th className="px-4 py-2 font-medium">{s.columnExecutor}</th>
            <th className="px-4 py-2 font-medium">{s.columnNpus}</th>
            <th className="px-4 py-2 font-medium">{s.columnCurrentJobs}</th>
            <th className="px-4 py-2 font-medium">{s.columnLastSeen}</th>
            <th className="px-4 py-2" />
          </tr>
        </thead>
        <tbody className="max-lg:block">
          {runners.map((runner) => (
            <tr
              key={runner.id}
              className="border-t first:border-t-0 max-lg:block max-lg:py-2 lg:first:border-t"
              data-testid="runner-row"
              data-runner={runner.name}
            >
              <td className={cell}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium [overflow-wrap:anywhere]">{runner.name}</span>
                  <Badge
                    tone={runner.status === "online" ? "success" : "neutral"}
                    data-testid="runner-status"
                  >
                    {runner.status === "online" ? s.online : s.offline}
                  </Badge>
                  {runner.embedded ? <Badge tone="brand">{s.embedded}</Badge> : null}
                </div>
                <div className="text-muted-foreground mt-0.5 text-xs">
                  {s.columnVersion} {runner.version}
                  {runner.platform ? ` · ${runner.platform}` : ""}
                </div>
              </td>
              <td className={cell}>
                <span className={label}>{s.columnLabels}:</span>
                <LabelList labels={runner.labels} />
              </td>
              <td className={cell}>
                <span className={label}>{s.columnExecutor}:</span>
                <span className="font-mono text-xs">{runner.executor}</span>
                <div className="text-muted-foreground text-xs">
                  {s.slots(runner.currentJobs.length, runner.capacity)}
                </div>
              </td>
              <td className={cell}>
                <span className={label}>{s.columnNpus}:</span>
                <NpuCell npu={runner.npu} s={s} />
              </td>
              <td className={cell}>
                <span className={label}>{s.columnCurrentJobs}:</span>
                {runner.currentJobs.length ? (
                  <ul className="inline-flex flex-col gap-0.5">
                    {runner.currentJobs.map((job) => (
                      <li key={job.id}>
                        <Link href={`/jobs/${job.id}`} className="text-brand hover:underline">
                          #{job.id}
                        </Link>{" "}
                        <span className="text-muted-foreground text-xs">
                          {s.kinds[job.kind]}
                          {job.npuDevices.length ? ` · NPU ${job.npuDevices.join(",")}` : ""}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-muted-foreground">{s.idle}</span>
                )}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <span className={label}>{s.columnLastSeen}:</span>
                <span title={formatDateTime(runner.lastSeenAt, locale)}>
                  {formatRelative(runner.lastSeenAt, locale)}
                </span>
              </td>
              <td className={`${cell} lg:text-right`}>
                <RemoveRunnerButton runnerId={runner.id} name={runner.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
