import type { Metadata } from "next";

import { OwnerProfilePage } from "@/components/profile/owner-profile-page";
import { ListPage } from "@/components/repos/pages/list-page";
import { repoStrings } from "@/components/repos/strings";
import type { SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import { segmentText } from "@/lib/repos/http/params";
import { kindOfSection } from "@/lib/repos/kinds";

// `/{section}` is a kind's list (`/models`, `/datasets`) or else a user's or organisation's profile
// (`/alice`): kind names are reserved, so no account can take one.
type Params = Promise<{ section: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { section } = await params;
  const kind = kindOfSection(section);
  if (!kind) return { title: segmentText(section) };
  return { title: (await getStrings(repoStrings)).kindPlural[kind.type] };
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { section } = await params;
  const kind = kindOfSection(section);
  if (!kind) return <OwnerProfilePage name={segmentText(section)} />;
  return <ListPage type={kind.type} searchParams={searchParams} />;
}
