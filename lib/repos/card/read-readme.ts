import "server-only";

import { AppError } from "@/lib/errors";
import { readFileBytes } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";

import { maxEditableBytes } from "../uploads/limits";

/** The README at `rev` for editing its front matter; "" when there is none. */
export async function readReadme(address: RepoRef, rev: string): Promise<string> {
  try {
    const { data } = await readFileBytes(address, {
      rev,
      path: "README.md",
      maxBytes: maxEditableBytes,
    });
    return data.toString("utf8");
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return "";
    throw error;
  }
}
