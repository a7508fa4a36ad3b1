// /spaces/{owner}/{name}/app/{path} – a Space's app in a sandbox: a static Space's files, or any request streamed to its running app
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { repoTypeOfPlural } from "@/lib/repos/http/address";
import { proxySpaceApp } from "@/lib/spaces/proxy";

type Params = { section: string; owner: string; name: string; path?: string[] };

const handler = route<Params>({ access: "public" }, async (request, { caller, params }) => {
  if (repoTypeOfPlural(params.section) !== "space") {
    throw new AppError("not_found", "There is no app here.");
  }
  return proxySpaceApp(request, caller, {
    type: "space",
    owner: params.owner,
    name: params.name,
    segments: params.path ?? [],
  });
});

export const GET = handler;
export const HEAD = handler;
export const POST = handler;
export const PUT = handler;
export const PATCH = handler;
export const DELETE = handler;
export const OPTIONS = handler;
