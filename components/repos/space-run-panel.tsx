import Link from "next/link";

import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { getStrings } from "@/lib/i18n/server";
import type { SpaceRuntime } from "@/lib/spaces/runtime";

import { LiveJobLog, SpaceRunButton } from "./space-lazy";
import { spaceAppStrings } from "./space-strings";

const tones = {
  none: "neutral",
  starting: "neutral",
  running: "success",
  start_failed: "danger",
  runtime_error: "danger",
  paused: "warning",
  sleeping: "neutral",
  stopped: "neutral",
} as const;

/**
 * A built Space's app: in a sandboxed frame while it runs (its pages get an opaque origin, see
 * `staticAppHeaders`), otherwise the live log of its run; Restart and Pause/Resume for writers.
 */
export async function SpaceRunPanel({
  space,
  title,
  runtime,
  canControl,
}: {
  space: { owner: string; name: string };
  title: string;
  runtime: SpaceRuntime;
  canControl: boolean;
}) {
  const s = await getStrings(spaceAppStrings);
  const { run } = runtime;
  const src = `/spaces/${space.owner}/${space.name}/app/`;
  const controls = canControl && runtime.build.image;
  const [reason, ...rest] = (run.message ?? "").split("\n");
  const lastLines = rest.join("\n");
  return (
    <section className="space-y-3" data-testid="space-run">
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={tones[run.state]} data-state={run.state} data-testid="space-run-state">
          {s.runStates[run.state]}
        </Badge>
        {run.logJobId ? (
          <Link href={`/jobs/${run.logJobId}`} className="text-brand text-sm hover:underline">
            {s.runLog}
          </Link>
        ) : null}
        <div className="ml-auto flex items-center gap-2">
          {controls && run.state === "paused" ? (
            <SpaceRunButton {...space} does="resume" />
          ) : controls ? (
            <>
              <SpaceRunButton {...space} does="restart" />
              <SpaceRunButton {...space} does="pause" />
            </>
          ) : null}
          {run.state === "running" ? (
            <ButtonLink href={src} variant="secondary" size="sm" target="_blank" rel="noopener">
              {s.openApp}
            </ButtonLink>
          ) : null}
        </div>
      </div>
      {run.message && run.state !== "paused" ? (
        <div className="space-y-1" data-testid="space-run-problem">
          <p className="text-danger text-sm">{s.runProblem(reason ?? "")}</p>
          {/* The app's last words (its traceback), as it wrote them. */}
          {lastLines ? (
            <pre className="bg-muted max-h-64 overflow-auto rounded p-2 font-mono text-xs whitespace-pre-wrap">
              {lastLines}
            </pre>
          ) : null}
        </div>
      ) : null}
      {run.state === "sleeping" ? (
        <>
          <p className="text-muted-foreground text-sm">{s.sleepingRun}</p>
          <AutoRefresh seconds={3} />
        </>
      ) : null}
      {run.state === "starting" ? (
        <>
          <p className="text-muted-foreground text-sm">{s.waitingRun}</p>
          {/* The run answers while its job keeps running: look again until it serves. */}
          <AutoRefresh seconds={3} />
        </>
      ) : null}
      {/* A sleeping app's frame is the visit that wakes it (the proxy answers "waking up"). */}
      {run.state === "running" || run.state === "sleeping" ? (
        <iframe
          src={src}
          title={s.appFrame(title)}
          data-testid="space-app"
          sandbox="allow-scripts allow-forms allow-popups allow-modals allow-downloads"
          className="h-[75vh] w-full rounded-lg border bg-white"
        />
      ) : run.logJobId ? (
        <LiveJobLog key={run.logJobId} jobId={run.logJobId} live={run.state === "starting"} />
      ) : null}
    </section>
  );
}
