// PUT /api/images/{namespace}/{name}/settings – change an image repository's visibility and description
import { z } from "zod";

import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/request-body";
import { route } from "@/lib/http/route";
import { updateImageRepositorySettings } from "@/lib/images/catalog/repository-settings";
import { parseRepositoryParams } from "@/lib/images/catalog/route-params";
import { imageDescription } from "@/lib/images/stack/repository-settings-input";

const settingsSchema = z
  .object({
    private: z.boolean({ error: 'Send "private": true or false.' }),
    description: imageDescription.optional(),
  })
  .strict();

export const PUT = route<{ namespace: string; name: string }, "user">(
  { access: "user" },
  async (request, { caller, params }) => {
    // A name that cannot be an image repository names none.
    const path = parseRepositoryParams(params);
    if (!path) throw new AppError("not_found", "Image repository not found.");
    const body = settingsSchema.parse(await readJsonBody(request));
    const result = await updateImageRepositorySettings(caller, path, {
      isPrivate: body.private,
      description: body.description,
    });
    return Response.json({
      name: `${path.namespace}/${path.name}`,
      private: result.isPrivate,
      ...(result.description !== null && { description: result.description }),
    });
  },
);
