// GET /api/images/select – the newest openMind image for a Space or a model CI environment
import { z } from "zod";

import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { selectImage } from "@/lib/images/catalog/select";

const version = (what: string, example: string) =>
  z
    .string()
    .trim()
    .max(40, `${what} is too long.`)
    .regex(/^\d+(\.[0-9a-z]+)+$/i, `${what} must be a version such as ${example}.`)
    .optional();

const querySchema = z.object({
  purpose: z.enum(["space", "model_ci"], { error: "Use purpose=space or purpose=model_ci." }),
  hardware: z.enum(["npu", "cpu"], { error: "Use hardware=npu or hardware=cpu." }),
  framework: z.enum(["pytorch", "mindspore"], {
    error: "Use framework=pytorch or framework=mindspore.",
  }),
  framework_version: version("framework_version", "2.1.0"),
  openmind_version: version("openmind_version", "0.8.0"),
  python: z
    .string()
    .trim()
    .regex(/^\d+\.\d+$/, "python must be a version such as 3.9.")
    .optional(),
});

export const GET = route({ access: "public" }, async (request, { caller }) => {
  const params = new URL(request.url).searchParams;
  const query = querySchema.parse(
    Object.fromEntries(
      Object.keys(querySchema.shape).map((key) => [key, params.get(key) ?? undefined]),
    ),
  );
  const result = await selectImage(
    {
      purpose: query.purpose,
      hardware: query.hardware,
      framework: query.framework,
      frameworkVersion: query.framework_version,
      openmindVersion: query.openmind_version,
      python: query.python,
    },
    caller,
  );
  if (!result.ok) throw new AppError("unprocessable", result.reason);
  const { image, repository, tag, variables } = result.selection;
  return Response.json({ image, repository, tag, variables });
});
