import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { BuildStateBadge, StepStateBadge, stepColors } from "@/components/images/build-state";
import { buildStrings } from "@/components/images/build-strings";
import { AutoRefresh } from "@/components/jobs/auto-refresh";
import { LiveJobLog } from "@/components/jobs/live-job-log";
import { PageHeading } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { requireSessionUser } from "@/lib/auth/require-user";
import { orNotFound } from "@/lib/http/or-not-found";
import type { SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import { getImageBuildView, type PipelineNodeView } from "@/lib/images/build/view";

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Image build ${(await params).id}` };
}

const tagPageOf = (image: string) => {
  const [path = "", tag = ""] = image.split(":");
  return `/images/${path}/tags/${encodeURIComponent(tag)}`;
};

// Administrators only (the view refuses others with a 404).
export default async function ImageBuildPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : notFound();
  const user = await requireSessionUser(`/images/builds/${id}`);
  const caller = { ...user, auth: { type: "session" as const } };
  const [s, build] = await Promise.all([
    getStrings(buildStrings),
    orNotFound(getImageBuildView(caller, id)),
  ]);
  const steps = build.nodes.flatMap((n) => n.arches.map((a) => ({ ...a, image: n.image })));
  const wanted = Number((await searchParams).log);
  const logStep =
    steps.find((a) => a.stepId === wanted && a.jobId) ??
    steps.find((a) => a.state === "building") ??
    steps.find((a) => a.state === "failed" && a.jobId) ??
    [...steps].reverse().find((a) => a.jobId);
  // Bottom-up: the highest level first on the page, the upstream-based layer last.
  const levels = [...new Set(build.nodes.map((n) => n.level))].sort((a, b) => b - a);
  const running = build.state === "running";

  return (
    <div className="space-y-8">
      {running ? <AutoRefresh seconds={3} /> : null}
      <PageHeading title={s.build(build.id)} description={build.selection} />
      <div className="flex items-center gap-2">
        <BuildStateBadge state={build.state} label={s.buildStates[build.state]} />
        <Link href="/images/builds" className="text-brand text-sm hover:underline">
          {s.builds}
        </Link>
      </div>
      <section aria-labelledby="pipeline" className="space-y-3">
        <div>
          <h2 id="pipeline" className="text-lg font-semibold">
            {s.pipeline}
          </h2>
          <p className="text-muted-foreground text-sm">{s.pipelineLead}</p>
        </div>
        <ol className="space-y-3">
          {levels.map((level) => (
            <li key={level} className="flex flex-wrap gap-3">
              {build.nodes
                .filter((n) => n.level === level)
                .map((node) => (
                  <NodeCard key={node.nodeId} node={node} s={s} buildId={build.id} />
                ))}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="build-log" className="space-y-3">
        <h2 id="build-log" className="text-lg font-semibold">
          {s.log}
          {logStep ? (
            <span className="text-muted-foreground ml-2 font-mono text-sm font-normal">
              {logStep.image} · {logStep.arch}
            </span>
          ) : null}
        </h2>
        {logStep?.jobId ? (
          <LiveJobLog
            key={logStep.jobId}
            jobId={logStep.jobId}
            live={logStep.state === "queued" || logStep.state === "building"}
          />
        ) : (
          <p className="text-muted-foreground text-sm">{s.noLog}</p>
        )}
      </section>
    </div>
  );
}

function NodeCard({
  node,
  s,
  buildId,
}: {
  node: PipelineNodeView;
  s: (typeof buildStrings)["en"];
  buildId: number;
}) {
  return (
    <div
      className={cn("min-w-64 flex-1 rounded border-l-4 p-3 text-sm", stepColors[node.state])}
      data-testid="pipeline-node"
      data-image={node.image}
      data-state={node.state}
    >
      <div className="flex items-start justify-between gap-2">
        <Link
          href={tagPageOf(node.image)}
          className="font-mono font-medium [overflow-wrap:anywhere] hover:underline"
        >
          {node.image}
        </Link>
        <StepStateBadge state={node.state} label={s.states[node.state]} />
      </div>
      {node.from ? (
        <p className="text-muted-foreground mt-1 font-mono text-xs">{s.fromUpstream(node.from)}</p>
      ) : null}
      <ul className="mt-2 space-y-1">
        {node.arches.map((a) => (
          <li key={a.stepId} className="flex flex-wrap items-center gap-2">
            <span className="font-mono">{a.arch}</span>
            <StepStateBadge state={a.state} label={s.states[a.state]} />
            {a.durationMs !== null ? (
              <span className="text-muted-foreground text-xs">
                {s.duration(Math.round(a.durationMs / 1000))}
              </span>
            ) : null}
            {a.blockedBy ? (
              <span className="text-warning text-xs">{s.blockedBy(a.blockedBy)}</span>
            ) : null}
            {a.jobId ? (
              <Link
                href={`/images/builds/${buildId}?log=${a.stepId}`}
                className="text-brand text-xs hover:underline"
              >
                {s.showLog}
              </Link>
            ) : null}
            {a.digest ? (
              <span
                className="text-muted-foreground font-mono text-xs"
                title={`${s.cacheKey}: ${a.cacheKey}`}
              >
                {a.digest.slice(0, 19)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
