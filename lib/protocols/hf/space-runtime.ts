import "server-only";

import type { Caller } from "@/lib/auth/caller";
import type { RepoRef } from "@/lib/hub/types";
import { loadSpaceRuntime } from "@/lib/spaces/runtime";

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
    gcTimeout: null,
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
