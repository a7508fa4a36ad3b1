import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { Breadcrumbs } from "@/components/images/breadcrumbs";
import { BuiltHere } from "@/components/images/built-here";
import { DockerfileView } from "@/components/images/dockerfile-view";
import { EnvironmentBadges } from "@/components/images/environment-badges";
import { hardwareLabels } from "@/components/images/labels";
import { PullCommands } from "@/components/images/pull-commands";
import { StackDiagram } from "@/components/images/stack-diagram";
import { imageStrings } from "@/components/images/strings";
import { TagDetails } from "@/components/images/tag-details";
import { TagSummaryLine } from "@/components/images/tag-summary-line";
import { tagHref } from "@/components/images/tags-table";
import { ViolationsNotice } from "@/components/images/violations-notice";
import { Badge } from "@/components/ui/badge";
import { pageCaller } from "@/lib/auth/page-caller";
import { orNotFound } from "@/lib/http/or-not-found";
import { getStrings } from "@/lib/i18n/server";
import { builtHereOf } from "@/lib/images/build/view";
import { parseTagParams } from "@/lib/images/catalog/route-params";
import { getImageTag } from "@/lib/images/catalog/tag-detail";

type Props = { params: Promise<{ namespace: string; name: string; tag: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name, tag } = await params;
  return { title: `${name}:${tag} · Images` };
}

export default async function ImageTagPage({ params }: Props) {
  const path = parseTagParams(await params) ?? notFound();
  const caller = await pageCaller();
  const [s, detail] = await Promise.all([
    getStrings(imageStrings),
    orNotFound(getImageTag(caller, path.namespace, path.name, path.tag)),
  ]);
  const { repository } = detail;
  // Only tags this hub holds can have been built here (the detail above checked read access).
  const built = detail.availableLocally
    ? await builtHereOf(`${repository.fullName}:${detail.tag}`)
    : null;

  return (
    <div className="space-y-6">
      <div>
        <Breadcrumbs
          label={s.breadcrumb}
          items={[
            { label: s.imageCenter, href: "/images" },
            { label: repository.fullName, href: `/images/${repository.fullName}` },
            { label: detail.tag },
          ]}
        />
        <h1 className="font-mono text-xl font-semibold tracking-tight [overflow-wrap:anywhere] sm:text-2xl">
          <span className="text-muted-foreground">{repository.name}:</span>
          {detail.tag}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {detail.hardware ? (
            <Badge tone={detail.hardware === "npu" ? "danger" : "neutral"}>
              {hardwareLabels[detail.hardware]}
            </Badge>
          ) : null}
          <EnvironmentBadges space={detail.space} modelCi={detail.modelCi} s={s} />
          <TagSummaryLine tag={detail} />
        </div>
      </div>

      <ViolationsNotice violations={detail.violations} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-8">
          <section aria-labelledby="stack-heading" className="space-y-3">
            <div>
              <h2 id="stack-heading" className="text-lg font-semibold">
                {s.stack}
              </h2>
              <p className="text-muted-foreground text-sm">{s.stackLead}</p>
            </div>
            <StackDiagram detail={detail} />
          </section>
          <PullCommands detail={detail} />
          {built ? <BuiltHere built={built} linkBuild={caller?.isAdmin === true} /> : null}
          <DockerfileView
            dockerfile={detail.dockerfile}
            reason={detail.dockerfileReason}
            parent={detail.parents[0]}
            downloadHref={`${tagHref(repository.namespace, repository.name, detail.tag)}/dockerfile`}
          />
        </div>
        <aside className="min-w-0">
          <TagDetails detail={detail} />
        </aside>
      </div>
    </div>
  );
}
