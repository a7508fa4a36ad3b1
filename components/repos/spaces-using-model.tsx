import Link from "next/link";

import { pageCaller } from "@/lib/auth/page-caller";
import { getStrings } from "@/lib/i18n/server";
import { searchRepos } from "@/lib/repos/search";
import { repoHref } from "@/lib/repos/urls";

import { spaceAppStrings } from "./space-strings";

/** The Spaces the visitor may see whose card names this model under `models:`; nothing when none. */
export async function SpacesUsingModel({ owner, name }: { owner: string; name: string }) {
  const [s, result] = await Promise.all([
    getStrings(spaceAppStrings),
    pageCaller().then((caller) =>
      searchRepos(caller, {
        type: "space",
        filters: { model: `${owner}/${name}` },
        sort: "likes",
        limit: 12,
      }),
    ),
  ]);
  if (result.items.length === 0) return null;
  return (
    <section className="space-y-2" aria-labelledby="spaces-using" data-testid="spaces-using">
      <h2 id="spaces-using" className="text-sm font-semibold">
        {s.spacesUsing} <span className="text-muted-foreground">{result.total}</span>
      </h2>
      <ul className="flex flex-wrap gap-2">
        {result.items.map((space) => (
          <li key={space.id}>
            <Link
              href={repoHref({ type: "space", owner: space.ownerName, name: space.name })}
              className="bg-muted hover:text-brand rounded-full px-3 py-1 text-sm"
            >
              {space.ownerName}/{space.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
