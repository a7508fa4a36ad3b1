import { redirect } from "next/navigation";

import { segmentText } from "@/lib/repos/http/params";
import { listHref } from "@/lib/repos/urls";

/** `/models/{owner}` lists that owner's models. */
export default async function Page({ params }: { params: Promise<{ owner: string }> }) {
  redirect(listHref("model", { owner: segmentText((await params).owner) }));
}
