import { notFound } from "next/navigation";

import { PageHeading } from "@/components/ui/card";
import type { RepoType } from "@/db/schema/enums";
import { orNotFound } from "@/lib/http/or-not-found";
import { getStrings } from "@/lib/i18n/server";
import { pathText, segmentText } from "@/lib/repos/http/params";
import { loadRefs } from "@/lib/repos/view/file-views";
import { loadRepoView } from "@/lib/repos/view/repo-view";

import { uploadStrings } from "../upload-strings";
import { UploadForm } from "../upload/upload-form";
import type { TreeParams } from "./tree-page";

/** Upload files and folders to a branch (writers only; others get a 404). */
export async function UploadPage({ type, params }: { type: RepoType; params: TreeParams }) {
  const p = await params;
  const view = await orNotFound(loadRepoView(type, segmentText(p.owner), segmentText(p.name)));
  if (!view.canWrite) notFound();
  const repo = { type, owner: view.owner, name: view.name };
  const refs = await loadRefs(repo);
  const rev = segmentText(p.rev);
  const s = await getStrings(uploadStrings);
  return (
    <div className="max-w-3xl">
      <PageHeading title={s.title} description={s.lead} />
      <UploadForm
        repo={repo}
        branches={refs.branches}
        heads={refs.heads}
        initialBranch={refs.branches.includes(rev) ? rev : refs.defaultBranch}
        initialFolder={pathText(p.path)}
      />
    </div>
  );
}
