// GET /api/jobs/{id}/log – the job's log as plain text (streamed; as much as has been stored)
import { Readable } from "node:stream";

import { route } from "@/lib/http/route";
import { loadJobFor, parseId } from "@/lib/jobs/job-access";
import { readJobLog } from "@/lib/jobs/log-store";

export const GET = route<{ id: string }>({}, async (request, { caller, params }) => {
  const job = await loadJobFor(caller, parseId(params.id), "read");
  const download = new URL(request.url).searchParams.has("download");
  const stream = Readable.toWeb(readJobLog(job.id, 0, job.logSize)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Length": String(job.logSize),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...(download ? { "Content-Disposition": `attachment; filename="job-${job.id}.log"` } : {}),
    },
  });
});
