import { z } from "zod";

import { AppError } from "@/lib/errors";

import type { Labels } from "./protocol";

const labelKey = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._/-]{0,62}$/,
    "Label keys are 1–63 lower-case letters, digits, '.', '_', '/' or '-', starting with a letter or digit.",
  );
const labelValue = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/,
    "Label values are 1–63 letters, digits, '.', '_' or '-', starting with a letter or digit.",
  );

export const labelsSchema = z
  .record(labelKey, labelValue)
  .refine((labels) => Object.keys(labels).length <= 32, "Use at most 32 labels.");

/** Parses `hardware=npu,npu=910b` (spaces around items allowed) into labels; throws on bad input. */
export function parseLabelList(text: string): Labels {
  const labels: Labels = {};
  for (const item of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new AppError("bad_request", `Write labels as key=value; "${item}" is not.`);
    labels[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return labelsSchema.parse(labels);
}

export function formatLabels(labels: Labels): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}

/** The required labels the runner lacks (a different value counts as lacking). */
export function missingLabels(required: Labels, runner: Labels): string[] {
  return Object.entries(required)
    .filter(([key, value]) => runner[key] !== value)
    .map(([key, value]) => `${key}=${value}`);
}
