import Link from "next/link";

import { getStrings } from "@/lib/i18n/server";
import { loadModelCiLatest } from "@/lib/model-ci/page-view";
import { repoHref } from "@/lib/repos/urls";

import { CiStatusBadge } from "./ci-status-badge";
import { modelCiStrings } from "./strings";

/** The model sidebar's CI section: the newest result of each environment, and a way to all runs. */
export async function CiSidebar({ owner, name }: { owner: string; name: string }) {
  const [s, latest] = await Promise.all([
    getStrings(modelCiStrings),
    loadModelCiLatest(owner, name),
  ]);
  const href = `${repoHref({ type: "model", owner, name })}/ci`;
  return (
    <section
      aria-labelledby="ci-sidebar-title"
      className="space-y-2 text-sm"
      data-testid="ci-sidebar"
    >
      <h2 id="ci-sidebar-title" className="text-muted-foreground text-xs font-medium">
        {s.sidebarTitle}
      </h2>
      {latest.length ? (
        <ul className="space-y-2">
          {latest.map((record) => (
            <li key={record.image} className="space-y-1" data-testid="ci-sidebar-row">
              <p className="text-xs leading-snug">{record.environment}</p>
              <p className="flex items-center gap-2">
                <CiStatusBadge status={record.status} label={s.status[record.status]} />
                <code className="text-muted-foreground text-xs">{record.commit.slice(0, 7)}</code>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted-foreground">{s.sidebarEmpty}</p>
      )}
      <Link href={href} className="text-brand inline-block text-xs hover:underline">
        {s.allRuns} →
      </Link>
    </section>
  );
}
