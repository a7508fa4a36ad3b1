import "server-only";

import { z } from "zod";

import { repoTypes } from "@/db/schema/enums";
import { readJsonBody } from "@/lib/http/request-body";
import { parseCard } from "@/lib/hub/card/parse-card";

/** Front matter past 256 KB is refused anyway; the body is read whole, so it is capped. */
const maxBodyBytes = 10 * 1024 * 1024;

const bodySchema = z.object({
  content: z.string(),
  repoType: z.enum(repoTypes).default("model"),
});

const noMetadata =
  "The README has no YAML metadata: a `---` block at the top with license, tags, datasets… describes the repository.";

type Message = { type: "error" | "warning"; message: string };

/**
 * `POST /api/validate-yaml` with `{content, repoType}`: Python's `huggingface_hub` sends a
 * README.md here before committing it, reads `warnings[].message` (printed) and, on a 400,
 * `errors[].message` (raised as ValueError). Front matter that cannot be read is an error;
 * values the card parser ignores and missing metadata are warnings, as on the Hub. Needs no
 * account: it only parses the text it is sent.
 */
export async function validateYamlHf(request: Request): Promise<Response> {
  const body = bodySchema.parse(await readJsonBody(request, maxBodyBytes));
  const card = parseCard(body.content, { type: body.repoType });
  const errors: Message[] = card.errors.map((message) => ({ type: "error", message }));
  const warnings: Message[] = card.warnings
    .filter((message) => !card.errors.includes(message))
    .map((message) => ({ type: "warning", message }));
  if (errors.length === 0 && Object.keys(card.data).length === 0)
    warnings.push({ type: "warning", message: noMetadata });
  if (errors.length > 0)
    // `error` is what both clients print as the reason of a failed request.
    return Response.json(
      { error: `Invalid metadata in README.md: ${errors[0]!.message}`, errors, warnings },
      { status: 400 },
    );
  return Response.json({ errors, warnings });
}
