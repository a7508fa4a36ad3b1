import Link from "next/link";

import { jobStrings } from "@/components/jobs/strings";
import { CopyButton } from "@/components/ui/copy-button";
import { formatBytes } from "@/lib/format";
import { getStrings } from "@/lib/i18n/server";
import type { OfflineCommands } from "@/lib/spaces/offline";
import type { SpaceRuntime } from "@/lib/spaces/runtime";

import { SpaceBuildBadge } from "./space-build-badge";
import { LiveJobLog, RebuildButton } from "./space-lazy";

import { spaceAppStrings } from "./space-strings";

function Command({ label, command }: { label: string; command: string }) {
  return (
    <div className="space-y-1">
      <p className="text-muted-foreground text-xs">{label}</p>
      <div className="flex items-start gap-2">
        <pre className="bg-muted min-w-0 flex-1 overflow-x-auto rounded-md px-3 py-2 text-xs">
          <code>{command}</code>
        </pre>
        <CopyButton text={command} label={label} />
      </div>
    </div>
  );
}

/** A built Space's state: the build of its head commit, its log, and how to run its image offline. */
export async function SpaceBuildPanel({
  space,
  runtime,
  offline,
  canRebuild,
}: {
  space: { owner: string; name: string };
  runtime: SpaceRuntime;
  offline: OfflineCommands | null;
  canRebuild: boolean;
}) {
  const s = await getStrings(spaceAppStrings);
  const jobText = await getStrings(jobStrings);
  const { build } = runtime;
  return (
    <section className="space-y-4 rounded-lg border p-4" data-testid="space-build">
      <div className="flex flex-wrap items-center gap-2">
        <SpaceBuildBadge state={build.state} data-testid="space-build-state">
          {s.buildStates[build.state]}
        </SpaceBuildBadge>
        {build.commit ? (
          <span className="text-muted-foreground font-mono text-xs">
            {s.buildOf(build.commit.slice(0, 7))}
            {build.durationMs !== null ? ` · ${s.took(jobText.duration(build.durationMs))}` : ""}
          </span>
        ) : null}
        {build.jobId ? (
          <Link href={`/jobs/${build.jobId}`} className="text-brand text-sm hover:underline">
            {s.buildLog}
          </Link>
        ) : null}
        {canRebuild ? (
          <div className="ml-auto flex items-center gap-2">
            <RebuildButton owner={space.owner} name={space.name} />
            <RebuildButton owner={space.owner} name={space.name} factory />
          </div>
        ) : null}
      </div>
      {build.message ? <p className="text-sm">{build.message}</p> : null}
      {build.state === "queued" ? (
        <p className="text-muted-foreground text-sm">{s.waiting}</p>
      ) : null}
      {/* While it builds, and after a failure (the failing step's output), the log is right here. */}
      {build.jobId && ["queued", "building", "failed"].includes(build.state) ? (
        <LiveJobLog
          key={build.jobId}
          jobId={build.jobId}
          live={build.state === "queued" || build.state === "building"}
        />
      ) : null}
      {offline ? (
        <details className="rounded-md border p-3" data-testid="space-offline">
          <summary className="cursor-pointer text-sm font-medium">{s.offline}</summary>
          <div className="mt-3 space-y-3">
            <p className="text-sm">
              {s.offlineHint}{" "}
              <span className="text-muted-foreground font-mono text-xs">
                {s.builtImage(offline.commit.slice(0, 7))}
                {offline.size !== null ? ` · ${s.size(formatBytes(offline.size))}` : ""}
              </span>
            </p>
            {offline.login ? <Command label={s.login} command={offline.login} /> : null}
            <Command label={s.pull} command={offline.pull} />
            <Command label={s.run} command={offline.run} />
            {offline.secretNames.length ? (
              <p className="text-muted-foreground text-sm" data-testid="space-offline-secrets">
                {s.offlineSecrets(offline.secretNames.join(", "))}
              </p>
            ) : null}
            <p className="text-muted-foreground text-sm">{s.offlineOpen(offline.open)}</p>
          </div>
        </details>
      ) : null}
    </section>
  );
}
