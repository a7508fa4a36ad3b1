import Link from "next/link";

import { pageCaller } from "@/lib/auth/page-caller";
import { getStrings } from "@/lib/i18n/server";
import { listDatasetsUsed } from "@/lib/repos/datasets-used";

import { datasetsUsedStrings } from "./datasets-used-strings";

/** The datasets the model's card names under `datasets:`, linked when hosted here; nothing when none. */
export async function DatasetsUsed({ datasets }: { datasets: string[] }) {
  if (datasets.length === 0) return null;
  const [s, used] = await Promise.all([
    getStrings(datasetsUsedStrings),
    pageCaller().then((caller) => listDatasetsUsed(caller, datasets)),
  ]);
  return (
    <section className="space-y-2" aria-labelledby="datasets-used" data-testid="datasets-used">
      <h2 id="datasets-used" className="text-sm font-semibold">
        {s.title} <span className="text-muted-foreground">{datasets.length}</span>
      </h2>
      <ul className="flex flex-wrap gap-2">
        {used.map((dataset) => (
          <li key={dataset.id}>
            {dataset.href ? (
              <Link
                href={dataset.href}
                className="bg-muted hover:text-brand rounded-full px-3 py-1 text-sm"
              >
                {dataset.id}
              </Link>
            ) : (
              <span className="bg-muted text-muted-foreground rounded-full px-3 py-1 text-sm">
                {dataset.id}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
