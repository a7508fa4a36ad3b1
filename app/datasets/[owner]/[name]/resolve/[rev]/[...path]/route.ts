// GET, HEAD /datasets/{owner}/{name}/resolve/{rev}/{path} – a file's bytes (ranges, ETag; ?download=true as an attachment)
import { route } from "@/lib/http/route";
import { serveRepoFile } from "@/lib/repos/files/serve-file";
import { pathText, segmentText } from "@/lib/repos/http/params";

type Params = { owner: string; name: string; rev: string; path: string[] };

export const GET = route<Params>({ access: "public" }, (request, { caller, params }) =>
  serveRepoFile(request, caller, {
    type: "dataset",
    owner: segmentText(params.owner),
    name: segmentText(params.name),
    rev: segmentText(params.rev),
    path: pathText(params.path),
  }),
);

export const HEAD = GET;
