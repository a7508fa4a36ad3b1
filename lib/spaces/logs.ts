import "server-only";

import { findSpaceBuild } from "@/db/queries/spaces";
import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import type { RepoRef } from "@/lib/hub";
import { jobLogEventStream, resumeOffset, sseHeaders } from "@/lib/jobs/log-stream";
import { getRepo } from "@/lib/repos/access";

import { loadSpaceRunView } from "./run-state";

/**
 * The job log stream's events turned into the Hub's Space log format: one `data:` event per log
 * line, `{"data": "<line>\n", "timestamp": "<ISO time>"}` (what `huggingface_hub` reads); state
 * events are dropped, keep-alive comments pass, and the stream closes when the job's log ends.
 */
function hubLogEvents(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let partial = "";
  const line = (text: string) =>
    encoder.encode(
      `data: ${JSON.stringify({ data: `${text}\n`, timestamp: new Date().toISOString() })}\n\n`,
    );
  return new TransformStream({
    transform(chunk, controller) {
      // The job stream enqueues whole events, one per chunk.
      const event = decoder.decode(chunk);
      if (event.startsWith(":")) return controller.enqueue(chunk);
      const fields = new Map(
        event
          .split("\n")
          .filter(Boolean)
          .map((field) => [
            field.slice(0, field.indexOf(":")),
            field.slice(field.indexOf(":") + 2),
          ]),
      );
      if (fields.get("event") === "log") {
        const lines = (partial + (JSON.parse(fields.get("data") ?? '""') as string)).split("\n");
        partial = lines.pop() ?? "";
        for (const text of lines) controller.enqueue(line(text.split("\r").pop() ?? ""));
      } else if (fields.get("event") === "end") {
        if (partial) controller.enqueue(line(partial));
        partial = "";
        controller.terminate();
      }
    },
    flush(controller) {
      if (partial) controller.enqueue(line(partial));
    },
  });
}

/**
 * `GET /api/spaces/{owner}/{name}/logs/build` and `/logs/run`: the current build's log, or the
 * log of the app's run (the starting one, else the serving or last one), as server-sent events that
 * follow it live. 404 for whoever cannot read the Space, and while there is no such log yet.
 */
export async function spaceLogResponse(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  which: "build" | "run",
): Promise<Response> {
  const { repo } = await getRepo(caller, { ...address, type: "space" }, "read");
  const jobId =
    which === "build"
      ? ((await findSpaceBuild(repo.id))?.buildJobId ?? null)
      : (await loadSpaceRunView(repo.id)).logJobId;
  if (!jobId) {
    throw new AppError(
      "not_found",
      which === "build" ? "This Space has no build yet." : "This Space's app has not run yet.",
    );
  }
  // The Hub's log has no offsets: a reconnect starts over, so `Last-Event-ID` is ignored.
  const offset = new URL(request.url).searchParams.has("offset") ? resumeOffset(request) : 0;
  const events = jobLogEventStream(jobId, offset, request.signal).pipeThrough(hubLogEvents());
  return new Response(events, { headers: sseHeaders });
}
