// GET /api/repos?type=model&search=…&framework=…&sort=…&page=… – a page of a kind's list (models, datasets), with filter counts
import { z } from "zod";

import { route } from "@/lib/http/route";
import { hostedRepoTypes } from "@/lib/repos/kinds";
import { parseListParams } from "@/lib/repos/list/list-params";
import { listRepos } from "@/lib/repos/list/list-repos";

const listType = z.enum(hostedRepoTypes, {
  message: `Use type=${hostedRepoTypes.join(" or type=")}.`,
});

export const GET = route({ access: "public" }, async (request, { caller }) => {
  const search = new URL(request.url).searchParams;
  const type = listType.parse(search.get("type") ?? "model");
  const page = await listRepos(caller, type, parseListParams(search));
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
});
