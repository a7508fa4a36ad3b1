import "server-only";

import { z } from "zod";

import type { Caller } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/request-body";
import type { RepoRef } from "@/lib/hub/types";
import { rebuildSpace } from "@/lib/spaces/builds";
import { pauseSpace, restartSpace } from "@/lib/spaces/runs";
import { loadSpaceRuntime } from "@/lib/spaces/runtime";
import { isValidSleepSeconds, setSpaceSleepTime } from "@/lib/spaces/sleep";

/**
 * `GET /api/spaces/{owner}/{name}/runtime`, the shape `huggingface_hub`'s `get_space_runtime`
 * reads (`stage`, `hardware.current`, `hardware.requested`, `gcTimeout`, `storage`,
 * `errorMessage`), plus the build (its state, commit, image, digest and size) and the app's run.
 */
export async function spaceRuntimeHf(caller: Caller | null, repo: RepoRef): Promise<Response> {
  const runtime = await loadSpaceRuntime(caller, repo);
  const { build } = runtime;
  return Response.json({
    stage: runtime.stage,
    ...(runtime.run.message ? { errorMessage: runtime.run.message } : {}),
    hardware: runtime.hardware,
    storage: null,
    gcTimeout: runtime.sleepSeconds < 0 ? null : runtime.sleepSeconds,
    replicas: { current: 0, requested: 1 },
    build: {
      state: build.state === "none" || build.state === "config_error" ? null : build.state,
      message: build.message,
      commit: build.commit,
      image: build.image,
      digest: build.digest,
      size: build.size,
      builtCommit: build.builtCommit,
      jobId: build.jobId,
    },
    run: { state: runtime.run.state, message: runtime.run.message, jobId: runtime.run.logJobId },
  });
}

const sleepTimeSchema = z.object({
  seconds: z
    .number()
    .int()
    .refine(isValidSleepSeconds, "Give -1 (never) or from 5 seconds to a week.")
    .nullable(),
});

/**
 * `POST /api/spaces/{owner}/{name}/pause`, `/restart` (`?factory=true` rebuilds the head commit
 * from scratch instead) and `/sleeptime` (`{"seconds": n}`), for the Space's writers; each answers
 * with the runtime, as the Hub does.
 */
export async function spaceControlHf(
  request: Request,
  caller: Caller | null,
  repo: RepoRef,
  action: "pause" | "restart" | "sleeptime",
): Promise<Response> {
  if (!caller) {
    throw new AppError("unauthorized", "Send an access token (Authorization: Bearer hf_…).");
  }
  if (action === "pause") await pauseSpace(caller, repo);
  if (action === "restart") {
    if (new URL(request.url).searchParams.get("factory") === "true") {
      await rebuildSpace(caller, repo, { noCache: true });
    } else {
      await restartSpace(caller, repo);
    }
  }
  if (action === "sleeptime") {
    const { seconds } = sleepTimeSchema.parse(await readJsonBody(request));
    await setSpaceSleepTime(caller, repo, seconds);
  }
  return spaceRuntimeHf(caller, repo);
}
