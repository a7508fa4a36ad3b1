import Link from "next/link";
import { notFound } from "next/navigation";

import { orgStrings } from "@/components/orgs/strings";
import { RepoShortList } from "@/components/repos/list/repo-short-list";
import { repoStrings } from "@/components/repos/strings";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { findProfile, listOrganizationsOf } from "@/lib/accounts/profiles";
import { pageCaller } from "@/lib/auth/page-caller";
import { allowedActions } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/format";
import { getLocale, getStrings } from "@/lib/i18n/server";
import { listOrganizationMembers } from "@/lib/orgs/organizations";
import { hostedRepoTypes } from "@/lib/repos/kinds";
import { listTopRepos } from "@/lib/repos/list/list-repos";
import { listHref } from "@/lib/repos/urls";

/** `/{name}`: a user's or organisation's profile, with the repositories the visitor may see. */
export async function OwnerProfilePage({ name }: { name: string }) {
  const owner = await findProfile(name);
  if (!owner) notFound();
  const [s, locale] = await Promise.all([getStrings(orgStrings), getLocale()]);
  const isOrg = owner.kind === "org";
  const members = isOrg ? await listOrganizationMembers(owner.id) : [];
  const orgs = isOrg ? [] : await listOrganizationsOf(owner.id);
  // Private repositories are listed only to those who may see them (owner, members, admins).
  const caller = await pageCaller();
  // Only an organisation's admins manage its members; everyone else may only look at the list.
  const canManage =
    isOrg &&
    (await allowedActions(caller, { ownerId: owner.id, ownerKind: "org", isPrivate: false })).has(
      "admin",
    );
  const [lists, r] = await Promise.all([
    Promise.all(
      hostedRepoTypes.map(async (type) => ({
        type,
        list: await listTopRepos(caller, { type, owner: owner.name, sort: "updated", limit: 10 }),
      })),
    ),
    getStrings(repoStrings),
  ]);

  return (
    <div className="grid gap-10 md:grid-cols-[260px_1fr]">
      <aside className="space-y-5">
        <div className="flex items-center gap-4 md:flex-col md:items-start">
          <Avatar name={owner.name} kind={owner.kind} size={96} />
          <div>
            <h1 className="text-xl font-semibold">{owner.displayName ?? owner.name}</h1>
            <p className="text-muted-foreground">{owner.name}</p>
            <Badge className="mt-1">{isOrg ? s.organisation : s.user}</Badge>
          </div>
        </div>
        {owner.bio ? <p className="text-sm whitespace-pre-line">{owner.bio}</p> : null}
        <p className="text-muted-foreground text-xs">
          {s.joinedOn} {formatDate(owner.createdAt, locale)}
        </p>
        {isOrg ? (
          <div>
            <h2 className="mb-2 text-sm font-medium">
              {s.members} ({members.length})
            </h2>
            <ul className="flex flex-wrap gap-1.5">
              {members.slice(0, 24).map((m) => (
                <li key={m.userId}>
                  <Link href={`/${m.name}`} title={m.name}>
                    <Avatar name={m.name} size={28} />
                  </Link>
                </li>
              ))}
            </ul>
            {canManage ? (
              <ButtonLink
                href={`/organizations/${owner.name}/members`}
                variant="secondary"
                size="sm"
                className="mt-3"
              >
                {s.manageMembers}
              </ButtonLink>
            ) : (
              <Link
                href={`/organizations/${owner.name}/members`}
                className="text-brand mt-3 inline-block text-sm hover:underline"
              >
                {s.allMembers}
              </Link>
            )}
          </div>
        ) : orgs.length ? (
          <div>
            <h2 className="mb-2 text-sm font-medium">{s.memberOf}</h2>
            <ul className="flex flex-wrap gap-1.5">
              {orgs.map((org) => (
                <li key={org.id}>
                  <Link href={`/${org.name}`} title={org.name}>
                    <Avatar name={org.name} kind="org" size={28} />
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </aside>
      <div className="min-w-0 space-y-8">
        {lists.every(({ list }) => list.total === 0) ? (
          <section>
            <h2 className="mb-3 text-lg font-semibold">{s.repositories}</h2>
            <EmptyState title={s.noRepos} description={s.noReposHint} />
          </section>
        ) : (
          lists.map(({ type, list }) =>
            list.total ? (
              <RepoShortList
                key={type}
                title={`${r.kindPlural[type]} (${list.total})`}
                items={list.items}
                more={
                  list.total > list.items.length
                    ? { href: listHref(type, { owner: owner.name }), label: r.seeAll(list.total) }
                    : undefined
                }
                testId={`profile-${type}s`}
              />
            ) : null,
          )
        )}
      </div>
    </div>
  );
}
