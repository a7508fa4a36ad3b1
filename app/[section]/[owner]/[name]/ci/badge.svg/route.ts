// GET /models/{owner}/{name}/ci/badge.svg – the model's CI status as an SVG badge for READMEs
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { modelCiBadge } from "@/lib/model-ci/badge";

type Params = { section: string; owner: string; name: string };

export const GET = route<Params>({ access: "public" }, async (request, { caller, params }) => {
  if (params.section !== "models") throw new AppError("not_found", "Only models have CI.");
  const environment = new URL(request.url).searchParams.get("environment");
  const { svg, isPrivate } = await modelCiBadge(caller, params, environment);
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // Short-lived, so a README shows a new result within a minute; never shared when private.
      "Cache-Control": isPrivate
        ? "private, no-cache"
        : "public, max-age=60, s-maxage=60, must-revalidate",
    },
  });
});
