import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { BuildStateBadge } from "@/components/images/build-state";
import { buildStrings } from "@/components/images/build-strings";
import { StartBuildForm } from "@/components/images/start-build-form";
import { LocalTime } from "@/components/jobs/local-time";
import { Card, PageHeading } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSessionUser } from "@/lib/auth/require-user";
import { getStrings } from "@/lib/i18n/server";
import { listImageBuildsView } from "@/lib/images/build/view";

export const metadata: Metadata = { title: "Image builds" };

// Administrators only: everyone else gets the 404 of a page that does not exist.
export default async function ImageBuildsPage() {
  const user = await requireSessionUser("/images/builds");
  if (!user.isAdmin) notFound();
  const caller = { ...user, auth: { type: "session" as const } };
  const [s, builds] = await Promise.all([getStrings(buildStrings), listImageBuildsView(caller)]);
  return (
    <div className="space-y-8">
      <PageHeading title={s.builds} description={s.buildsLead} />
      <section aria-labelledby="start-build" className="space-y-3">
        <h2 id="start-build" className="text-lg font-semibold">
          {s.startHeading}
        </h2>
        <Card className="p-4">
          <StartBuildForm />
        </Card>
      </section>
      {builds.length ? (
        <table className="w-full text-left text-sm">
          <thead className="text-muted-foreground">
            <tr>
              <th className="py-2 pr-4 font-medium">{s.columnBuild}</th>
              <th className="py-2 pr-4 font-medium">{s.columnSelection}</th>
              <th className="py-2 pr-4 font-medium">{s.columnState}</th>
              <th className="py-2 font-medium">{s.columnStarted}</th>
            </tr>
          </thead>
          <tbody>
            {builds.map((b) => (
              <tr key={b.id} className="border-border border-t">
                <td className="py-2 pr-4">
                  <Link href={`/images/builds/${b.id}`} className="text-brand hover:underline">
                    {s.build(b.id)}
                  </Link>
                </td>
                <td className="py-2 pr-4 font-mono [overflow-wrap:anywhere]">
                  {b.selection}
                  {b.arches ? ` --arch ${b.arches}` : ""}
                </td>
                <td className="py-2 pr-4">
                  <BuildStateBadge state={b.state} label={s.buildStates[b.state]} />
                </td>
                <td className="py-2">
                  <LocalTime iso={b.createdAt.toISOString()} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <EmptyState title={s.noBuilds} description={s.noBuildsHint} />
      )}
    </div>
  );
}
