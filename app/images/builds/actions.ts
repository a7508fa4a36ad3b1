"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { defineAction } from "@/lib/actions/action";
import { startImageBuild } from "@/lib/images/build/run";

const emptyAsUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** Site administrators only (`access: "admin"`; startImageBuild checks again). */
export const startImageBuildAction = defineAction(
  {
    access: "admin",
    schema: z
      .object({
        selection: z.enum(["tag", "under", "all"]),
        image: z.preprocess(emptyAsUndefined, z.string().trim().max(300).optional()),
        arches: z.preprocess(
          emptyAsUndefined,
          z
            .string()
            .trim()
            .regex(/^(amd64|arm64)(\s*,\s*(amd64|arm64))*$/, "Use amd64, arm64 or both.")
            .optional(),
        ),
      })
      .refine((v) => v.selection === "all" || !!v.image, {
        path: ["image"],
        message: "Name the image to build.",
      }),
  },
  async (input, { caller }) => {
    const { id } = await startImageBuild(caller, {
      selection:
        input.selection === "all"
          ? { kind: "all" }
          : { kind: input.selection, image: input.image! },
      ...(input.arches ? { arches: input.arches.split(",").map((a) => a.trim()) } : {}),
    });
    redirect(`/images/builds/${id}`);
  },
);
