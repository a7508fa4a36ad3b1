import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getStrings } from "@/lib/i18n/server";
import type { SpaceSettings } from "@/lib/repos/space-card";
import { repoHref, treeHref } from "@/lib/repos/urls";
import type { RepoView } from "@/lib/repos/view/repo-view";

import { spaceAppStrings } from "../space-strings";

/**
 * A Space's App tab. A static Space runs right here, from its default branch, in a sandboxed frame
 * (its pages get an opaque origin; see `staticAppHeaders`). Gradio and Docker Spaces run from a
 * built image.
 */
export async function SpaceAppPage({
  view,
  settings,
}: {
  view: RepoView;
  settings: SpaceSettings;
}) {
  const s = await getStrings(spaceAppStrings);
  const repo = { type: view.type, owner: view.owner, name: view.name };
  const title = settings.title ?? view.name;
  if (settings.sdk === "static") {
    const src = `${repoHref(repo)}/app/`;
    return (
      <section className="space-y-2">
        <div className="flex justify-end">
          <ButtonLink href={src} variant="secondary" size="sm" target="_blank" rel="noopener">
            {s.openApp}
          </ButtonLink>
        </div>
        <iframe
          src={src}
          title={s.appFrame(title)}
          data-testid="space-app"
          sandbox="allow-scripts allow-forms allow-popups allow-modals allow-downloads"
          className="h-[75vh] w-full rounded-lg border bg-white"
        />
      </section>
    );
  }
  return (
    <EmptyState
      title={settings.sdk ? s.buildTitle(settings.sdk) : s.noAppTitle}
      description={settings.sdk ? s.buildHint : s.noAppHint}
      action={
        <ButtonLink href={treeHref(repo, view.defaultBranch)} size="sm" variant="secondary">
          {s.files}
        </ButtonLink>
      }
    />
  );
}
