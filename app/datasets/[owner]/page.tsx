import { redirect } from "next/navigation";

import { segmentText } from "@/lib/repos/http/params";
import { listHref } from "@/lib/repos/urls";

/** `/datasets/{owner}` lists that owner's datasets. */
export default async function Page({ params }: { params: Promise<{ owner: string }> }) {
  redirect(listHref("dataset", { owner: segmentText((await params).owner) }));
}
