import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatRelative } from "@/lib/format";
import { getLocale, getStrings } from "@/lib/i18n/server";
import type { RunningSpaceView } from "@/lib/spaces/running-spaces";

import { jobStrings } from "./strings";

const cell = "px-4 py-3 align-top max-lg:block max-lg:px-4 max-lg:py-1";
const label = "text-muted-foreground mr-1 lg:hidden";
const stateTone = { starting: "warning", running: "success", stopping: "neutral" } as const;

/** Space apps on runners (administrators): where each runs, what it holds, since when. */
export async function RunningSpaceTable({ spaces }: { spaces: RunningSpaceView[] }) {
  const [s, locale] = await Promise.all([getStrings(jobStrings), getLocale()]);
  return (
    <div className="overflow-hidden rounded-lg border">
      <table className="w-full text-sm max-lg:block">
        <thead className="bg-subtle text-muted-foreground text-left max-lg:hidden">
          <tr>
            <th className="px-4 py-2 font-medium">{s.columnSpace}</th>
            <th className="px-4 py-2 font-medium">{s.columnState}</th>
            <th className="px-4 py-2 font-medium">{s.columnRunner}</th>
            <th className="px-4 py-2 font-medium">{s.columnHardware}</th>
            <th className="px-4 py-2 font-medium">{s.columnNpus}</th>
            <th className="px-4 py-2 font-medium">{s.columnStarted}</th>
            <th className="px-4 py-2 font-medium">{s.columnEndpoint}</th>
          </tr>
        </thead>
        <tbody className="max-lg:block">
          {spaces.map((space) => (
            <tr
              key={space.jobId}
              className="border-t first:border-t-0 max-lg:block max-lg:py-2 lg:first:border-t"
              data-testid="running-space-row"
              data-space={space.spaceId}
            >
              <td className={cell}>
                <Link
                  href={`/spaces/${space.owner}/${space.name}`}
                  className="text-brand font-medium [overflow-wrap:anywhere] hover:underline"
                >
                  {space.spaceId}
                </Link>
                <div className="text-muted-foreground text-xs">
                  <Link href={`/jobs/${space.jobId}`} className="hover:underline">
                    #{space.jobId}
                  </Link>
                </div>
              </td>
              <td className={cell}>
                <span className={label}>{s.columnState}:</span>
                <Badge tone={stateTone[space.state]} data-testid="running-space-state">
                  {s.spaceStates[space.state]}
                </Badge>
              </td>
              <td className={cell}>
                <span className={label}>{s.columnRunner}:</span>
                {space.runnerName ?? "—"}
              </td>
              <td className={cell}>
                <span className={label}>{s.columnHardware}:</span>
                {s.hardwareNames(space.hardware)}
              </td>
              <td className={cell} data-testid="running-space-npus">
                <span className={label}>{s.columnNpus}:</span>
                {space.npuDevices.length ? (
                  <span
                    className="font-mono text-xs"
                    title={space.npuDevices.map((d) => `/dev/davinci${d}`).join(" ")}
                  >
                    {space.npuDevices.join(", ")}
                  </span>
                ) : (
                  <span className="text-muted-foreground">{s.noNpus}</span>
                )}
              </td>
              <td className={`${cell} whitespace-nowrap`}>
                <span className={label}>{s.columnStarted}:</span>
                {space.startedAt ? (
                  <span title={formatDateTime(space.startedAt, locale)}>
                    {formatRelative(space.startedAt, locale)}
                  </span>
                ) : (
                  "—"
                )}
              </td>
              <td className={cell}>
                <span className={label}>{s.columnEndpoint}:</span>
                <span className="font-mono text-xs [overflow-wrap:anywhere]">
                  {space.endpoint ?? "—"}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
