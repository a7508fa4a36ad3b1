import { Suspense, type ReactNode } from "react";

import { DatasetViewer } from "@/components/datasets/dataset-viewer";
import { CiSidebar } from "@/components/model-ci/ci-sidebar";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { RepoType } from "@/db/schema/enums";
import { viewerOffset } from "@/lib/datasets/viewer/dataset-preview";
import { orNotFound } from "@/lib/http/or-not-found";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import { segmentText } from "@/lib/repos/http/params";
import { readSpaceSettings } from "@/lib/repos/space-card";
import { blobHref, editHref, repoHref } from "@/lib/repos/urls";
import { loadModelFacts } from "@/lib/repos/view/model-facts";
import { loadRepoCard, loadRepoView } from "@/lib/repos/view/repo-view";

import { cardFormStrings } from "../card-form-strings";
import { CardWarnings } from "../card-warnings";
import { DatasetsUsed } from "../datasets-used";
import { MarkdownView } from "../markdown-view";
import { ModelSidebar } from "../model-sidebar";
import { SpacesUsingModel } from "../spaces-using-model";
import { repoStrings } from "../strings";
import type { RepoParams } from "./repo-layout";
import { SpaceAppPage } from "./space-app-page";

/**
 * The repository's README card, rendered on the server from the default branch; a dataset's data
 * viewer above it (streamed in, so the card does not wait for the data files).
 */
export async function CardPage(props: {
  type: RepoType;
  params: RepoParams;
  searchParams: SearchParams;
}) {
  const card = await RepoCardView(props);
  const { type, params, searchParams } = props;
  if (type !== "dataset") return card;
  const { owner, name } = await params;
  const view = await loadRepoView(type, segmentText(owner), segmentText(name));
  if (!view.head) return card;
  const query = await searchParams;
  return (
    <div className="space-y-8">
      <Suspense fallback={<Skeleton className="h-64 w-full" />}>
        <DatasetViewer
          repo={{ type, owner: view.owner, name: view.name }}
          commit={view.head}
          split={firstParam(query.split)}
          offset={viewerOffset(firstParam(query.offset))}
        />
      </Suspense>
      {card}
    </div>
  );
}

async function RepoCardView({
  type,
  params,
}: {
  type: RepoType;
  params: RepoParams;
}): Promise<ReactNode> {
  const { owner, name } = await params;
  const view = await orNotFound(loadRepoView(type, segmentText(owner), segmentText(name)));
  const s = await getStrings(repoStrings);
  const repo = { type, owner: view.owner, name: view.name };
  if (type === "space") {
    const settings = view.head ? await readSpaceSettings(repo, view.head) : null;
    if (settings) return <SpaceAppPage view={view} settings={settings} />;
  }
  const card = view.head ? await loadRepoCard(type, view.owner, view.name, view.head) : null;
  if (!card || card.body === null) {
    return (
      <EmptyState
        title={card?.omitted === "too_large" ? s.cardTooLarge : s.noCard}
        description={card?.omitted === "too_large" ? undefined : s.noCardHint}
        action={
          card?.omitted === "too_large" ? (
            <ButtonLink
              href={blobHref(repo, view.defaultBranch, "README.md")}
              variant="secondary"
              size="sm"
            >
              {s.viewReadme}
            </ButtonLink>
          ) : view.canWrite ? (
            <ButtonLink href={editHref(repo, view.defaultBranch, "README.md")} size="sm">
              {s.addCard}
            </ButtonLink>
          ) : undefined
        }
      />
    );
  }
  const editCard = view.canWrite ? (await getStrings(cardFormStrings)).editCard[type] : null;
  const content = (
    <article className="max-w-4xl min-w-0" data-testid="repo-card">
      {editCard ? (
        <div className="mb-4 flex justify-end">
          <ButtonLink
            href={editHref(repo, view.defaultBranch, "README.md")}
            variant="secondary"
            size="sm"
          >
            {editCard}
          </ButtonLink>
        </div>
      ) : null}
      <CardWarnings title={s.cardWarning} warnings={card.warnings} />
      <MarkdownView
        source={card.body}
        base={{ repoPath: repoHref(repo), rev: view.defaultBranch, dir: "" }}
      />
    </article>
  );
  if (type !== "model") return content;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_16rem]">
      {content}
      <aside className="space-y-6 lg:border-l lg:pl-6">
        <ModelSidebar facts={await loadModelFacts(view)} />
        <CiSidebar owner={view.owner} name={view.name} />
        <SpacesUsingModel owner={view.owner} name={view.name} />
        <DatasetsUsed datasets={card.metadata.datasets} />
      </aside>
    </div>
  );
}
