import { z } from "zod";

import { AppError } from "@/lib/errors";
import {
  labelKeyPattern,
  labelMessages,
  labelValuePattern,
  maxLabels,
  parseLabelList as parseLabelText,
  type Labels,
} from "@/lib/runtime/labels";

export { anyLabelValue, builderLabel, formatLabels, missingLabels } from "@/lib/runtime/labels";

export const labelsSchema = z
  .record(
    z.string().regex(labelKeyPattern, labelMessages.key),
    z.string().regex(labelValuePattern, labelMessages.value),
  )
  .refine((labels) => Object.keys(labels).length <= maxLabels, labelMessages.count);

/** Parses `hardware=npu,npu=910b` (spaces around items allowed) into labels; throws on bad input. */
export function parseLabelList(text: string): Labels {
  const parsed = parseLabelText(text);
  if ("problem" in parsed) throw new AppError("bad_request", parsed.problem);
  return parsed.labels;
}
