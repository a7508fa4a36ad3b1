import type { Metadata } from "next";
import Link from "next/link";

import { AddMemberForm } from "@/components/orgs/add-member-form";
import { LeaveOrgButton } from "@/components/orgs/leave-org-button";
import { MemberRowActions } from "@/components/orgs/member-row-actions";
import { orgStrings } from "@/components/orgs/strings";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeading } from "@/components/ui/card";
import { pageCaller } from "@/lib/auth/page-caller";
import { allowedActions } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { orNotFound } from "@/lib/http/or-not-found";
import { getLocale, getStrings } from "@/lib/i18n/server";
import { findOrganization, listOrganizationMembers } from "@/lib/orgs/organizations";

type Props = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Members · ${(await params).org}` };
}

export default async function OrganizationMembersPage({ params }: Props) {
  const { org: orgName } = await params;
  const org = await orNotFound(findOrganization(orgName));
  const caller = await pageCaller();
  const [s, locale, members, granted] = await Promise.all([
    getStrings(orgStrings),
    getLocale(),
    listOrganizationMembers(org.id),
    allowedActions(caller, { ownerId: org.id, ownerKind: "org", isPrivate: false }),
  ]);
  const canManage = granted.has("admin");
  const isMember = caller ? members.some((m) => m.userId === caller.id) : false;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeading
        title={`${s.members} · ${org.displayName ?? org.name}`}
        actions={isMember ? <LeaveOrgButton org={org.name} /> : null}
      />
      {canManage ? (
        <Card className="p-5">
          <AddMemberForm org={org.name} />
        </Card>
      ) : (
        <p className="text-muted-foreground text-sm">{s.onlyAdminsManage}</p>
      )}
      <ul className="divide-y rounded-lg border" aria-label={s.members}>
        {members.map((member) => (
          <li
            key={member.userId}
            className="flex flex-wrap items-center gap-3 px-4 py-3"
            data-testid="member-row"
          >
            <Avatar name={member.name} size={32} />
            <div className="min-w-0">
              <Link href={`/${member.name}`} className="font-medium hover:underline">
                {member.name}
              </Link>
              <p className="text-muted-foreground text-xs">
                {s.joined} {formatDate(member.joinedAt, locale)}
              </p>
            </div>
            <div className="ml-auto">
              {canManage ? (
                <MemberRowActions org={org.name} username={member.name} role={member.role} />
              ) : (
                <Badge>{s.roles[member.role]}</Badge>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
