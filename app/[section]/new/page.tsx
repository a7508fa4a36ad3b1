import type { Metadata } from "next";

import { createStrings } from "@/components/repos/create-strings";
import { NewRepoPage } from "@/components/repos/pages/new-repo-page";
import { pageKind } from "@/components/repos/pages/page-kind";
import type { SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";

type Params = Promise<{ section: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [type, s] = await Promise.all([pageKind(params), getStrings(createStrings)]);
  return { title: s.title[type] };
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  return <NewRepoPage type={await pageKind(params)} searchParams={searchParams} />;
}
