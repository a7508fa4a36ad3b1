// GET, HEAD /{models|datasets}/{owner}/{name}/resolve/{rev}/{path} – a file's bytes (ranges, ETag; ?download=true as an attachment)
import { route } from "@/lib/http/route";
import { serveRepoFile } from "@/lib/repos/files/serve-file";
import { repoTypeOfPlural } from "@/lib/repos/http/address";

type Params = { section: string; owner: string; name: string; rev: string; path: string[] };

export const GET = route<Params>(
  { access: "public", acceptJobTokens: true },
  (request, { caller, params }) =>
    serveRepoFile(request, caller, {
      type: repoTypeOfPlural(params.section),
      // Route handlers get their segments decoded already (pages do not; see segmentText).
      owner: params.owner,
      name: params.name,
      rev: params.rev,
      path: params.path.join("/"),
    }),
);

export const HEAD = GET;
