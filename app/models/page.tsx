import type { Metadata } from "next";

import { ListPage } from "@/components/repos/pages/list-page";
import type { SearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Models" };

export default function Page({ searchParams }: { searchParams: SearchParams }) {
  return <ListPage type="model" searchParams={searchParams} />;
}
