// GET /api/datasets-server/splits?dataset=owner/name – a dataset's configs and splits, in the HF datasets-server shape
import { datasetSplits, splitsQuery } from "@/lib/datasets/viewer/dataset-preview";
import { route } from "@/lib/http/route";

export const GET = route({ access: "public" }, async (request, { caller }) => {
  const query = splitsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await datasetSplits(caller, query), {
    headers: { "Cache-Control": "private, no-store" },
  });
});
