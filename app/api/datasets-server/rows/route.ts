// GET /api/datasets-server/rows?dataset=owner/name&config=&split=&offset=&length= – a page of a dataset split's rows, in the HF datasets-server shape
import { datasetRows, rowsQuery } from "@/lib/datasets/viewer/dataset-preview";
import { route } from "@/lib/http/route";

export const GET = route({ access: "public" }, async (request, { caller }) => {
  const query = rowsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await datasetRows(caller, query), {
    headers: { "Cache-Control": "private, no-store" },
  });
});
