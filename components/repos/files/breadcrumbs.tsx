import Link from "next/link";

import type { RepoRef } from "@/lib/hub/types";
import { getStrings } from "@/lib/i18n/server";
import { treeHref } from "@/lib/repos/urls";

import { fileStrings } from "../file-strings";

/** `name / folder / sub / file`, each folder a link to its listing at the same revision. */
export async function Breadcrumbs({
  repo,
  rev,
  path,
}: {
  repo: RepoRef;
  rev: string;
  path: string;
}) {
  const s = await getStrings(fileStrings);
  const parts = path ? path.split("/") : [];
  return (
    <nav aria-label={s.breadcrumbs} className="min-w-0 text-sm">
      <ol className="flex flex-wrap items-center gap-1">
        <li>
          <Link href={treeHref(repo, rev)} className="text-brand font-medium hover:underline">
            {repo.name}
          </Link>
        </li>
        {parts.map((part, i) => {
          const last = i === parts.length - 1;
          return (
            <li key={i} className="flex items-center gap-1">
              <span aria-hidden className="text-muted-foreground">
                /
              </span>
              {last ? (
                <span aria-current="page" className="font-medium break-all">
                  {part}
                </span>
              ) : (
                <Link
                  href={treeHref(repo, rev, parts.slice(0, i + 1).join("/"))}
                  className="text-brand break-all hover:underline"
                >
                  {part}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
