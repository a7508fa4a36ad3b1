import { homeStrings } from "@/components/home/strings";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { getSessionUser } from "@/lib/auth/session";
import { getStrings } from "@/lib/i18n/server";

export default async function HomePage() {
  const [s, user] = await Promise.all([getStrings(homeStrings), getSessionUser()]);
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

      <section className="grid gap-8 md:grid-cols-2">
        <div>
          <h2 className="mb-3 text-lg font-semibold">{s.popularModels}</h2>
          <EmptyState
            title={s.emptyModels}
            description={s.emptyModelsHint}
            action={<ButtonLink href="/models/new" size="sm">{s.newModel}</ButtonLink>}
          />
        </div>
        <div>
          <h2 className="mb-3 text-lg font-semibold">{s.popularDatasets}</h2>
          <EmptyState
            title={s.emptyDatasets}
            description={s.emptyDatasetsHint}
            action={<ButtonLink href="/datasets/new" size="sm">{s.newDataset}</ButtonLink>}
          />
        </div>
      </section>
    </div>
  );
}
