import { notFound, redirect } from "next/navigation";

import { segmentText } from "@/lib/repos/http/params";
import { kindOfSection } from "@/lib/repos/kinds";
import { listHref } from "@/lib/repos/urls";

/** `/models/{owner}` lists that owner's models. */
export default async function Page({
  params,
}: {
  params: Promise<{ section: string; owner: string }>;
}) {
  const { section, owner } = await params;
  const kind = kindOfSection(section) ?? notFound();
  redirect(listHref(kind.type, { owner: segmentText(owner) }));
}
