import { AppError } from "@/lib/errors";
import { getStrings } from "@/lib/i18n/server";

import { datasetViewerStrings } from "./strings";

/**
 * The preview of a file that cannot be shown as a table (too large for the read cap, malformed):
 * a sentence instead of the table. Internal failures are thrown on.
 */
export async function tryPreview<T>(load: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "internal") throw error;
    const s = await getStrings(datasetViewerStrings);
    if (error.code === "payload_too_large") return { error: s.tooLarge };
    // Other refusals (LFS content not here, a malformed file) name the file in English.
    return { error: `${s.unreadable} ${error.message}` };
  }
}
