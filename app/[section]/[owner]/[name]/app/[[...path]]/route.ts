// GET, HEAD /spaces/{owner}/{name}/app/{path} – a static Space's app, from its default branch, in a sandbox
import { route } from "@/lib/http/route";
import { serveRepoFile } from "@/lib/repos/files/serve-file";
import { repoTypeOfPlural } from "@/lib/repos/http/address";

type Params = { section: string; owner: string; name: string; path?: string[] };

export const GET = route<Params>({ access: "public" }, (request, { caller, params }) => {
  const path = (params.path ?? []).join("/");
  return serveRepoFile(
    request,
    caller,
    {
      type: repoTypeOfPlural(params.section),
      owner: params.owner,
      name: params.name,
      rev: "HEAD",
      // A folder's URL serves its index.html, as a static web server would.
      path: path === "" || path.endsWith("/") ? `${path}index.html` : path,
    },
    "app",
  );
});

export const HEAD = GET;
