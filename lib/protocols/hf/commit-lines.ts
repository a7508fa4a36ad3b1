import { z } from "zod";

import { AppError, describeZodError } from "@/lib/errors";

/** One line of an HF commit request (`POST /api/{type}s/{id}/commit/{rev}`, NDJSON). */
export type CommitLine =
  | { key: "header"; summary: string; description?: string; parentCommit?: string }
  | { key: "file"; path: string; content: Buffer }
  | { key: "lfsFile"; path: string; oid: string; size?: number }
  | { key: "deletedFile"; path: string }
  | { key: "deletedFolder"; path: string };

const path = z.string().min(1).max(4096);

const lineSchema = z.discriminatedUnion("key", [
  z.object({
    key: z.literal("header"),
    value: z.object({
      summary: z.string().max(64 * 1024),
      description: z
        .string()
        .max(64 * 1024)
        .nullish(),
      parentCommit: z.string().max(64).nullish(),
    }),
  }),
  z.object({
    key: z.literal("file"),
    value: z.object({
      path,
      content: z.string(),
      encoding: z.enum(["base64", "utf-8"]).default("base64"),
    }),
  }),
  z.object({
    key: z.literal("lfsFile"),
    value: z.object({
      path,
      oid: z.string().max(128),
      algo: z.literal("sha256").default("sha256"),
      size: z.number().int().min(0).nullish(),
    }),
  }),
  z.object({ key: z.literal("deletedFile"), value: z.object({ path }) }),
  z.object({ key: z.literal("deletedFolder"), value: z.object({ path }) }),
]);

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Validates one parsed line; `line` numbers the error message. */
export function parseCommitLine(value: unknown, line: number): CommitLine {
  const parsed = lineSchema.safeParse(value);
  if (!parsed.success) {
    const key = (value as { key?: unknown } | null)?.key;
    const what =
      typeof key === "string" &&
      !["header", "file", "lfsFile", "deletedFile", "deletedFolder"].includes(key)
        ? `unknown key "${key}" (expected header, file, lfsFile, deletedFile or deletedFolder)`
        : describeZodError(parsed.error);
    throw new AppError("bad_request", `Line ${line} of the commit: ${what}.`);
  }
  const { key, value: v } = parsed.data;
  switch (key) {
    case "header":
      return {
        key,
        summary: v.summary,
        description: v.description ?? undefined,
        parentCommit: v.parentCommit ?? undefined,
      };
    case "file": {
      if (v.encoding === "base64" && !base64.test(v.content.replace(/\s+/g, ""))) {
        throw new AppError(
          "bad_request",
          `Line ${line} of the commit: the content of "${v.path}" is not base64.`,
        );
      }
      return {
        key,
        path: v.path,
        content: Buffer.from(v.content, v.encoding === "base64" ? "base64" : "utf8"),
      };
    }
    case "lfsFile":
      return { key, path: v.path, oid: v.oid, size: v.size ?? undefined };
    case "deletedFile":
    case "deletedFolder":
      return { key, path: v.path };
  }
}
