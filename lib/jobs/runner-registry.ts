import "server-only";

import { insertAudit } from "@/db/queries/audit";
import { registerRunnerWithToken } from "@/db/queries/runner-registration-tokens";
import {
  deleteRunnerRecord,
  findRunnerByTokenHash,
  touchRunner,
  updateRunnerDeclaration,
  type RunnerIdentity,
} from "@/db/queries/runners";
import { AppError } from "@/lib/errors";

import type { RegisterResponse, RunnerHeartbeatResponse, RunnerTokenHeader } from "./protocol";
import { registerRequestSchema, runnerHeartbeatSchema } from "./protocol-schemas";
import { generateSecret, hashSecret, looksLikeSecret } from "./secrets";
import { getJobSettings } from "./settings";

const runnerTokenHeader: RunnerTokenHeader = "Runner-Token";

/** Trades a registration token for a runner token (stored hashed, returned once). */
export async function registerRunner(body: unknown): Promise<RegisterResponse> {
  const input = registerRequestSchema.parse(body);
  const token = generateSecret("runner");
  const runner = await registerRunnerWithToken(
    hashSecret(input.token),
    {
      name: input.name,
      tokenHash: hashSecret(token),
      labels: input.labels,
      executor: input.executor,
      capacity: input.capacity,
      npuChip: input.npu.chip,
      npuDevices: [...input.npu.devices].sort((a, b) => a - b),
      version: input.version,
      platform: input.platform ?? null,
    },
    new Date(),
  );
  if (!runner) {
    throw new AppError(
      "forbidden",
      "The registration token is unknown, expired, revoked or used up. Ask an admin for a new one.",
    );
  }
  await insertAudit({
    actorId: null,
    action: "runner.register",
    target: `runner:${runner.id}`,
    details: { name: runner.name },
  });
  return { id: runner.id, name: runner.name, token };
}

/** The runner behind the request's `Runner-Token` header; 401 when it is missing or unknown. */
export async function authenticateRunner(request: Request): Promise<RunnerIdentity> {
  const token = request.headers.get(runnerTokenHeader) ?? "";
  const runner = looksLikeSecret("runner", token)
    ? await findRunnerByTokenHash(hashSecret(token))
    : null;
  if (!runner) {
    throw new AppError(
      "unauthorized",
      "Unknown runner token: the runner was removed or never registered. Register it again.",
    );
  }
  return runner;
}

/** Marks the runner alive and stores what it declares about itself (labels, capacity, NPUs…). */
export async function recordRunnerHeartbeat(
  runner: RunnerIdentity,
  body: unknown,
): Promise<RunnerHeartbeatResponse> {
  const input = runnerHeartbeatSchema.parse(body ?? {});
  const now = new Date();
  const { npu, ...rest } = input;
  const declared = {
    ...rest,
    ...(npu ? { npuChip: npu.chip, npuDevices: [...npu.devices].sort((a, b) => a - b) } : {}),
  };
  if (Object.keys(declared).length) await updateRunnerDeclaration(runner.id, declared, now);
  else await touchRunner(runner.id, now, 0);
  return {
    id: runner.id,
    name: runner.name,
    pollTimeoutSeconds: getJobSettings().pollTimeoutSeconds,
  };
}

export async function removeRunner(id: number, actorId: number | null): Promise<void> {
  if (!(await deleteRunnerRecord(id))) throw new AppError("not_found", "No such runner.");
  await insertAudit({ actorId, action: "runner.remove", target: `runner:${id}` });
}
