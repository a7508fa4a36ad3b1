import { AppError } from "@/lib/errors";
import { maxCommitMessageBytes } from "@/lib/hub/limits";

/** The full commit message from a title and an optional description; refuses empty or huge ones. */
export function checkCommitMessage(title: string, description?: string): string {
  const clean = (text: string) => text.replace(/\0/g, "").replace(/\r\n?/g, "\n");
  const head = clean(title ?? "").trim();
  if (!head) throw new AppError("bad_request", "Write a commit message.");
  const body = clean(description ?? "").trim();
  const message = body ? `${head}\n\n${body}\n` : `${head}\n`;
  if (Buffer.byteLength(message) > maxCommitMessageBytes) {
    throw new AppError(
      "bad_request",
      `The commit message is longer than ${maxCommitMessageBytes} bytes.`,
    );
  }
  return message;
}
