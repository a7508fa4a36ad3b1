// GET /api/search?q=…&type=…&limit=… – models, datasets, Spaces, users and organisations matching q, grouped
import { route } from "@/lib/http/route";
import { searchEverything } from "@/lib/search/search-all";

export const GET = route({ access: "public" }, async (request, { caller }) => {
  const search = new URL(request.url).searchParams;
  const groups = await searchEverything(caller, {
    q: search.get("q") ?? "",
    type: search.get("type") ?? undefined,
    limit: search.get("limit") ?? undefined,
  });
  return Response.json({ groups }, { headers: { "Cache-Control": "private, no-store" } });
});
