import { ButtonLink } from "@/components/ui/button";
import { CodeText } from "@/components/ui/code-text";
import { EmptyState } from "@/components/ui/empty-state";
import { pageCaller } from "@/lib/auth/page-caller";
import { getStrings } from "@/lib/i18n/server";
import type { SpaceSettings } from "@/lib/repos/space-card";
import { repoHref, treeHref } from "@/lib/repos/urls";
import type { RepoView } from "@/lib/repos/view/repo-view";
import { offlineCommandsOf } from "@/lib/spaces/offline";
import { loadSpaceRuntime } from "@/lib/spaces/runtime";

import { SpaceBuildPanel } from "../space-build-panel";
import { SpaceLogsPanel } from "../space-lazy";
import { SpaceRunPanel } from "../space-run-panel";
import { spaceAppStrings } from "../space-strings";

/**
 * A Space's App tab. A static Space runs right here, from its default branch, in a sandboxed frame
 * (its pages get an opaque origin; see `staticAppHeaders`). Gradio and Docker Spaces run from a
 * built image on a runner: the tab shows the app (or its run's log), its build and, once there is
 * an image, how to run it offline.
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
  if (!settings.sdk) {
    return (
      <EmptyState
        title={s.noAppTitle}
        description={<CodeText text={s.noAppHint} />}
        action={
          <ButtonLink href={treeHref(repo, view.defaultBranch)} size="sm" variant="secondary">
            {s.files}
          </ButtonLink>
        }
      />
    );
  }
  const caller = await pageCaller();
  const runtime = await loadSpaceRuntime(caller, repo);
  // One load of the runtime serves the panel and its offline commands.
  const offline = offlineCommandsOf(runtime);
  return (
    <div className="space-y-4">
      <SpaceRunPanel
        space={{ owner: view.owner, name: view.name }}
        title={title}
        runtime={runtime}
        canControl={view.canWrite}
      />
      <h2 className="text-lg font-semibold">{s.buildTitle(settings.sdk)}</h2>
      <SpaceBuildPanel
        space={{ owner: view.owner, name: view.name }}
        runtime={runtime}
        offline={offline}
        canRebuild={view.canWrite}
      />
      <SpaceLogsPanel buildJobId={runtime.build.jobId} runJobId={runtime.run.logJobId} />
    </div>
  );
}
