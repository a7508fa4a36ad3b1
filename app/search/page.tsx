import type { Metadata } from "next";

import { SearchResults } from "@/components/search/search-results";
import { searchStrings } from "@/components/search/strings";
import { pageCaller } from "@/lib/auth/page-caller";
import { firstParam, type SearchParams } from "@/lib/http/search-params";
import { getStrings } from "@/lib/i18n/server";
import { searchResultsPage } from "@/lib/search/search-all";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getStrings(searchStrings)).title };
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const results = await searchResultsPage(await pageCaller(), {
    q: firstParam(params.q),
    type: firstParam(params.type),
    page: firstParam(params.page),
  });
  return <SearchResults results={results} />;
}
