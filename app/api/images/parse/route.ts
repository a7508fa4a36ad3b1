// GET /api/images/parse – the variables an image tag names, or the part of it that is malformed
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { parseImageReference, TagGrammarError } from "@/lib/images/stack/tags";

function parse(request: Request): Response {
  const input = new URL(request.url).searchParams.get("tag");
  if (input === null) {
    throw new AppError(
      "bad_request",
      "Give the tag to parse, e.g. ?tag=openmind:openeuler-python3.9-pytorch2.1.0-openmind0.8.0.",
    );
  }
  try {
    const { repository, tag, variables } = parseImageReference(input);
    return Response.json({ repository, tag, variables });
  } catch (error) {
    if (error instanceof TagGrammarError) {
      throw new AppError("bad_request", `Malformed tag: ${error.message}.`, {
        fieldErrors: { [error.part]: [error.message] },
      });
    }
    throw error;
  }
}

// Parsing is synchronous; the promise only satisfies route().
export const GET = route({ access: "public" }, (request) =>
  Promise.resolve().then(() => parse(request)),
);
