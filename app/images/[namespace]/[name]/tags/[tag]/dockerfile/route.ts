// GET /images/{namespace}/{name}/tags/{tag}/dockerfile – the generated Dockerfile of an image, as a download
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { parseTagParams } from "@/lib/images/catalog/route-params";
import { getImageTag } from "@/lib/images/catalog/tag-detail";

type Params = { namespace: string; name: string; tag: string };

export const GET = route<Params>({ access: "public" }, async (_request, { caller, params }) => {
  const path = parseTagParams(params);
  if (!path) throw new AppError("not_found", "No such image tag.");
  // The same read as the tag page: a private repository is missing for whoever may not see it.
  const detail = await getImageTag(caller, path.namespace, path.name, path.tag);
  if (detail.dockerfile === null) {
    throw new AppError("not_found", detail.dockerfileReason ?? "This tag has no Dockerfile.");
  }
  return new Response(detail.dockerfile, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      // Tags are [A-Za-z0-9_.-] (checked above), so the name needs no quoting rules beyond these.
      "Content-Disposition": `attachment; filename="${path.name}-${path.tag}.Dockerfile"`,
      "Cache-Control": "private, no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
