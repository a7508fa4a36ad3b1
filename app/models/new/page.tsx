import type { Metadata } from "next";

import { NewRepoPage } from "@/components/repos/pages/new-repo-page";
import type { SearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "New model" };

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <NewRepoPage type="model" searchParams={searchParams} />;
}
