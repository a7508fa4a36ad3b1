// GET /api/repos?type=model&search=…&framework=…&sort=…&page=… – a page of the model or dataset list, with filter counts
import { z } from "zod";

import { route } from "@/lib/http/route";
import { parseListParams } from "@/lib/repos/list/list-params";
import { listRepos } from "@/lib/repos/list/list-repos";

const listType = z.enum(["model", "dataset"], { message: "Use type=model or type=dataset." });

export const GET = route({ access: "public" }, async (request, { caller }) => {
  const search = new URL(request.url).searchParams;
  const type = listType.parse(search.get("type") ?? "model");
  const page = await listRepos(caller, type, parseListParams(search));
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
});
