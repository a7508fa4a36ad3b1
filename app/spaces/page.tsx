import type { Metadata } from "next";

import { spaceStrings } from "@/components/spaces/strings";
import { ButtonLink } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getStrings } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Spaces" };

// Spaces are not hosted yet; the page says so and points at what already exists for them.
export default async function SpacesPage() {
  const s = await getStrings(spaceStrings);
  return (
    <div className="space-y-6">
      <PageHeading title={s.title} description={s.lead} />
      <EmptyState
        title={s.emptyTitle}
        description={s.emptyHint}
        action={
          <div className="flex flex-wrap justify-center gap-2">
            <ButtonLink href="/images?space=1">{s.spaceImages}</ButtonLink>
            <ButtonLink href="/models/new" variant="secondary">
              {s.newModel}
            </ButtonLink>
          </div>
        }
      />
    </div>
  );
}
