import { z } from "zod";

import { runnerExecutors } from "@/db/schema/job-enums";

import { labelsSchema } from "./labels";
import type {
  EndpointRequest,
  FinishRequest,
  JobRequestBody,
  JobSpec,
  JobStep,
  RegisterRequest,
  RunnerHeartbeatRequest,
} from "./protocol";

// Validators for everything a runner or a job creator sends. Each is checked against its wire
// type in protocol.ts (`satisfies`), so the two cannot drift apart.

const deviceIds = z
  .array(z.number().int().min(0).max(255))
  .max(64)
  .refine((ids) => new Set(ids).size === ids.length, "NPU device ids must be unique.");

const declaration = {
  labels: labelsSchema,
  executor: z.enum(runnerExecutors),
  capacity: z.number().int().min(1).max(64),
  npu: z.object({ chip: z.string().trim().min(1).max(32).nullable(), devices: deviceIds }),
  version: z.string().trim().min(1).max(64),
  platform: z.string().trim().max(64).optional(),
};

export const registerRequestSchema = z.object({
  token: z.string().min(1).max(200),
  name: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/,
      "Runner names are 1–63 letters, digits, '.', '_' or '-'.",
    ),
  ...declaration,
}) satisfies z.ZodType<RegisterRequest>;

export const runnerHeartbeatSchema = z
  .object(declaration)
  .partial() satisfies z.ZodType<RunnerHeartbeatRequest>;

export const jobRequestSchema = z.object({
  busyNpus: deviceIds.optional(),
  waitSeconds: z.number().min(0).max(60).optional(),
}) satisfies z.ZodType<JobRequestBody>;

export const finishRequestSchema = z.object({
  attempt: z.number().int().min(1),
  outcome: z.enum(["succeeded", "failed", "cancelled", "timed_out", "handed_back"]),
  exitCode: z.number().int().nullable().optional(),
  reason: z.string().max(500).nullable().optional(),
  logSize: z.number().int().min(0).optional(),
  next: z.object({ busyNpus: deviceIds.optional() }).optional(),
}) satisfies z.ZodType<FinishRequest>;

/** Image references as docker accepts them (registry host, path, tag and/or digest). */
export const imageRefSchema = z
  .string()
  .max(255)
  .regex(
    /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[0-9a-f]{64})?$/,
    "Not a valid image reference (e.g. quay.io/ascend/cann:8.0.0-910b-ubuntu22.04-py3.10).",
  );

const relativePath = z
  .string()
  .max(255)
  .refine(
    (p) => !p.startsWith("/") && !p.split("/").includes(".."),
    "Use a path inside the work dir.",
  );

const stepName = z.string().trim().max(100).optional();

const jobStepSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("script"),
    name: stepName,
    script: z
      .string()
      .min(1)
      .max(256 * 1024),
    image: imageRefSchema.optional(),
  }),
  z.object({
    type: z.literal("build"),
    name: stepName,
    context: relativePath,
    dockerfile: relativePath.optional(),
    tag: imageRefSchema,
    push: z.boolean(),
    buildArgs: z
      .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/), z.string().max(64 * 1024))
      .refine((args) => Object.keys(args).length <= 256, "Pass at most 256 build args.")
      .optional(),
    noCache: z.boolean().optional(),
  }),
  z.object({
    type: z.literal("python-env"),
    name: stepName,
    // It names a directory on the runner: plain, lower case, no path.
    key: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, "Use a plain key such as space-12."),
    requirements: relativePath,
  }),
  z.object({
    type: z.literal("service"),
    name: stepName,
    script: z
      .string()
      .min(1)
      .max(256 * 1024),
    image: imageRefSchema.optional(),
    imageCommand: z.literal(true).optional(),
    port: z.number().int().min(1).max(65535),
    readyPath: z
      .string()
      .max(1024)
      .regex(/^\/[^\s]*$/, "readyPath is a path starting with '/', e.g. /health.")
      .optional(),
    container: z
      .object({
        memoryMb: z
          .number()
          .int()
          .min(64)
          .max(4 * 1024 * 1024)
          .optional(),
        cpus: z.number().min(0.1).max(1024).optional(),
        readOnly: z.boolean().optional(),
      })
      .optional(),
  }),
]) satisfies z.ZodType<JobStep>;

const envName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]{0,127}$/,
    "Environment variable names are letters, digits and '_'.",
  );

export const jobSpecSchema = z.object({
  image: imageRefSchema.optional(),
  env: z
    .record(envName, z.string().max(32 * 1024))
    .refine(
      (env) => Object.keys(env).every((k) => !k.startsWith("STRATA_")),
      "STRATA_* variables are set by the runner.",
    )
    .optional(),
  steps: z
    .array(jobStepSchema)
    .min(1)
    .max(50)
    // A service runs until the job is stopped, so a step after it would never run.
    .refine(
      (steps) => steps.every((step, i) => step.type !== "service" || i === steps.length - 1),
      "A service step runs until the job is stopped, so it must be the last step.",
    ),
}) satisfies z.ZodType<JobSpec>;

/** http(s) only: the Space proxy forwards to it, and nothing else should be reachable that way. */
export const endpointRequestSchema = z.object({
  attempt: z.number().int().min(1),
  url: z
    .string()
    .max(2048)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "http:" || url.protocol === "https:") && !url.username;
      } catch {
        return false;
      }
    }, "The endpoint is an http(s) URL without credentials, e.g. http://10.0.0.5:20000."),
}) satisfies z.ZodType<EndpointRequest>;
