import { homeStrings } from "@/components/home/strings";
import { RepoShortList } from "@/components/repos/list/repo-short-list";
import { repoStrings } from "@/components/repos/strings";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getSessionUser } from "@/lib/auth/session";
import { getStrings } from "@/lib/i18n/server";
import { listTopRepos } from "@/lib/repos/list/list-repos";
import { listHref } from "@/lib/repos/urls";
import { pageCaller } from "@/lib/auth/page-caller";

export default async function HomePage() {
  const [s, r, user, caller] = await Promise.all([getStrings(homeStrings), getStrings(repoStrings), getSessionUser(), pageCaller()]);
  // Popular by likes, new by creation; private repositories only for those who may see them.
  const [popularModels, newModels, popularDatasets, newDatasets] = await Promise.all([
    listTopRepos(caller, { type: "model", sort: "likes", limit: 5 }),
    listTopRepos(caller, { type: "model", sort: "created", limit: 5 }),
    listTopRepos(caller, { type: "dataset", sort: "likes", limit: 5 }),
    listTopRepos(caller, { type: "dataset", sort: "created", limit: 5 }),
  ]);
  return (
    <div className="space-y-14">
      <section className="grid items-center gap-10 lg:grid-cols-[3fr_2fr]">
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{s.title}</h1>
          <p className="mt-4 max-w-2xl text-muted-foreground">{s.lead}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            {user ? null : <ButtonLink href="/signup">{s.getStarted}</ButtonLink>}
            <ButtonLink href="/models" variant="secondary">
              {s.browseModels}
            </ButtonLink>
          </div>
        </div>
        <figure aria-labelledby="stack-title" className="rounded-lg border bg-subtle p-5">
          <figcaption id="stack-title" className="font-medium">
            {s.stackTitle}
          </figcaption>
          <p className="mt-1 text-sm text-muted-foreground">{s.stackLead}</p>
          <ol className="mt-4 flex flex-col-reverse gap-1.5">
            {s.layers.map((layer, i) => (
              <li
                key={layer}
                className="rounded-md border bg-card px-3 py-2 text-sm"
                style={{ marginLeft: `${i * 6}%`, marginRight: `${i * 6}%` }}
              >
                {layer}
              </li>
            ))}
          </ol>
        </figure>
      </section>

      {(["model", "dataset"] as const).map((type) => {
        const [popular, recent] = type === "model" ? [popularModels, newModels] : [popularDatasets, newDatasets];
        if (popular.total === 0) {
          return (
            <section key={type}>
              <h2 className="mb-3 text-lg font-semibold">{type === "model" ? s.popularModels : s.popularDatasets}</h2>
              <EmptyState
                title={type === "model" ? s.emptyModels : s.emptyDatasets}
                description={type === "model" ? s.emptyModelsHint : s.emptyDatasetsHint}
                action={
                  <ButtonLink href={`/${type}s/new`} size="sm">
                    {type === "model" ? s.newModel : s.newDataset}
                  </ButtonLink>
                }
              />
            </section>
          );
        }
        return (
          <div key={type} className="grid gap-8 md:grid-cols-2">
            <RepoShortList
              title={type === "model" ? s.popularModels : s.popularDatasets}
              items={popular.items}
              more={{ href: listHref(type, { sort: "likes" }), label: r.seeAll(popular.total) }}
              testId={`home-popular-${type}s`}
            />
            <RepoShortList
              title={type === "model" ? s.newModels : s.newDatasets}
              items={recent.items}
              more={{ href: listHref(type, { sort: "created" }), label: r.seeAll(recent.total) }}
              testId={`home-new-${type}s`}
            />
          </div>
        );
      })}
    </div>
  );
}
