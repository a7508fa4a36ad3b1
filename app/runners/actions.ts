"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { defineAction } from "@/lib/actions/action";
import { getConfig } from "@/lib/config";
import { enqueueDiagnosticJob } from "@/lib/jobs/diagnostic";
import { parseLabelList } from "@/lib/jobs/labels";
import { imageRefSchema } from "@/lib/jobs/protocol-schemas";
import { createRegistrationToken, revokeRegistrationToken } from "@/lib/jobs/registration-tokens";
import { removeRunner } from "@/lib/jobs/runner-registry";

// Every action here is for site administrators only (`access: "admin"`).

const id = z.coerce.number().int().positive();

export const createRunnerTokenAction = defineAction(
  {
    access: "admin",
    schema: z.object({
      description: z.string().trim().max(200).optional(),
      uses: z.enum(["1", "10", "unlimited"]).default("1"),
      expires: z.enum(["3600", "86400", "604800", "never"]).default("86400"),
    }),
  },
  async (input, { caller }) => {
    const created = await createRegistrationToken({
      description: input.description,
      maxUses: input.uses === "unlimited" ? null : Number(input.uses),
      expiresInSeconds: input.expires === "never" ? null : Number(input.expires),
      createdBy: caller.id,
    });
    revalidatePath("/runners");
    return { token: created.token, url: getConfig().publicUrl };
  },
);

export const revokeRunnerTokenAction = defineAction(
  { access: "admin", schema: z.object({ tokenId: id }) },
  async ({ tokenId }, { caller }) => {
    await revokeRegistrationToken(tokenId, caller.id);
    revalidatePath("/runners");
    return null;
  },
);

export const removeRunnerAction = defineAction(
  { access: "admin", schema: z.object({ runnerId: id }) },
  async ({ runnerId }, { caller }) => {
    await removeRunner(runnerId, caller.id);
    revalidatePath("/runners");
    return null;
  },
);

/** Labels as typed in the form: validated here, so a mistake shows at the field. */
const labelsField = z
  .string()
  .trim()
  .transform((text, ctx) => {
    try {
      return parseLabelList(text);
    } catch (error) {
      const message =
        error instanceof z.ZodError
          ? error.issues.map((i) => i.message).join(" ")
          : (error as Error).message;
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
  });

const emptyAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

export const runDiagnosticAction = defineAction(
  {
    access: "admin",
    schema: z.object({
      labels: labelsField,
      // Browsers submit a textarea's line breaks as CRLF; bash would see a stray \r on every line.
      script: z
        .string()
        .transform((text) => text.replace(/\r\n?/g, "\n"))
        .pipe(
          z
            .string()
            .min(1, "Give the script to run.")
            .max(64 * 1024),
        ),
      image: z.preprocess(emptyAsUndefined, imageRefSchema.optional()),
      npuCount: z.coerce.number().int().min(0).max(64).default(0),
      timeoutSeconds: z.coerce
        .number()
        .int()
        .min(1)
        .max(24 * 3600)
        .default(600),
    }),
  },
  async (input, { caller }) => {
    const job = await enqueueDiagnosticJob({ ...input, createdBy: caller.id });
    redirect(`/jobs/${job.id}`);
  },
);
