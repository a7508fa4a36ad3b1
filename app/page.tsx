import { homeStrings } from "@/components/home/strings";
import { RepoShortList } from "@/components/repos/list/repo-short-list";
import { repoStrings } from "@/components/repos/strings";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { pageCaller } from "@/lib/auth/page-caller";
import { getSessionUser } from "@/lib/auth/session";
import { getStrings } from "@/lib/i18n/server";
import { hostedRepoTypes } from "@/lib/repos/kinds";
import { listTopRepos } from "@/lib/repos/list/list-repos";
import { listHref, newRepoHref } from "@/lib/repos/urls";

export default async function HomePage() {
  const [s, r, user, caller] = await Promise.all([
    getStrings(homeStrings),
    getStrings(repoStrings),
    getSessionUser(),
    pageCaller(),
  ]);
  // Popular by likes, new by creation; private repositories only for those who may see them.
  const sections = await Promise.all(
    hostedRepoTypes.map(async (type) => {
      const [popular, recent] = await Promise.all([
        listTopRepos(caller, { type, sort: "likes", limit: 5 }),
        listTopRepos(caller, { type, sort: "created", limit: 5 }),
      ]);
      return { type, popular, recent };
    }),
  );
  return (
    <div className="space-y-14">
      <section className="grid items-center gap-10 lg:grid-cols-[3fr_2fr]">
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{s.title}</h1>
          <p className="text-muted-foreground mt-4 max-w-2xl">{s.lead}</p>
          <div className="mt-6 flex flex-wrap gap-3">
            {user ? null : <ButtonLink href="/signup">{s.getStarted}</ButtonLink>}
            <ButtonLink href="/models" variant="secondary">
              {s.browseModels}
            </ButtonLink>
          </div>
        </div>
        <figure aria-labelledby="stack-title" className="bg-subtle rounded-lg border p-5">
          <figcaption id="stack-title" className="font-medium">
            {s.stackTitle}
          </figcaption>
          <p className="text-muted-foreground mt-1 text-sm">{s.stackLead}</p>
          <ol className="mt-4 flex flex-col-reverse gap-1.5">
            {s.layers.map((layer, i) => (
              <li
                key={layer}
                className="bg-card rounded-md border px-3 py-2 text-sm"
                style={{ marginLeft: `${i * 6}%`, marginRight: `${i * 6}%` }}
              >
                {layer}
              </li>
            ))}
          </ol>
        </figure>
      </section>

      {sections.map(({ type, popular, recent }) => {
        if (popular.total === 0) {
          return (
            <section key={type}>
              <h2 className="mb-3 text-lg font-semibold">{s.popular[type]}</h2>
              <EmptyState
                title={s.empty[type]}
                description={s.emptyHint[type]}
                action={
                  <ButtonLink href={newRepoHref(type)} size="sm">
                    {r.newRepo[type]}
                  </ButtonLink>
                }
              />
            </section>
          );
        }
        return (
          <div key={type} className="grid gap-8 md:grid-cols-2">
            <RepoShortList
              title={s.popular[type]}
              items={popular.items}
              more={{ href: listHref(type, { sort: "likes" }), label: r.seeAll(popular.total) }}
              testId={`home-popular-${type}s`}
            />
            <RepoShortList
              title={s.recent[type]}
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
