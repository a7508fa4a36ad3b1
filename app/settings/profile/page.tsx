import type { Metadata } from "next";
import Link from "next/link";

import { ProfileForm } from "@/components/settings/profile-form";
import { settingsStrings } from "@/components/settings/strings";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeading } from "@/components/ui/card";
import { findProfile, listOrganizationsOf } from "@/lib/accounts/profiles";
import { requireSessionUser } from "@/lib/auth/require-user";
import { getStrings } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Profile settings" };

export default async function ProfileSettingsPage() {
  const user = await requireSessionUser("/settings/profile");
  const [s, profile, orgs] = await Promise.all([
    getStrings(settingsStrings),
    findProfile(user.name),
    listOrganizationsOf(user.id),
  ]);
  return (
    <div className="space-y-10">
      <section>
        <PageHeading title={s.profile} />
        <ProfileForm displayName={profile?.displayName ?? ""} bio={profile?.bio ?? ""} />
      </section>
      <section>
        <div className="mb-3 flex items-center justify-between">
          <h2 className="text-lg font-semibold">{s.yourOrgs}</h2>
          <ButtonLink href="/organizations/new" variant="secondary" size="sm">
            {s.newOrg}
          </ButtonLink>
        </div>
        {orgs.length === 0 ? (
          <p className="text-muted-foreground text-sm">{s.noOrgs}</p>
        ) : (
          <ul className="divide-y rounded-lg border">
            {orgs.map((org) => (
              <li key={org.id} className="flex items-center gap-3 px-4 py-2">
                <Avatar name={org.name} kind="org" size={28} />
                <Link href={`/${org.name}`} className="font-medium hover:underline">
                  {org.displayName ?? org.name}
                </Link>
                <Badge className="ml-auto">{org.role}</Badge>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
