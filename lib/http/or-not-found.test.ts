import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { orNotFound } from "./or-not-found";

async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "value";
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === "string" && digest.endsWith(";404") ? "not-found page" : "thrown";
  }
}

describe("orNotFound", () => {
  it("renders the not-found page for what a URL cannot name, and rethrows anything else", async () => {
    expect(await outcome(orNotFound(Promise.resolve(1)))).toBe("value");
    const fail = (error: Error) => orNotFound(Promise.reject(error));
    expect(await outcome(fail(new AppError("not_found", "No such repository.")))).toBe(
      "not-found page",
    );
    expect(
      await outcome(fail(new AppError("bad_request", `The path "../x" contains a '..' segment.`))),
    ).toBe("not-found page");
    expect(await outcome(fail(new AppError("internal", "Disk on fire.")))).toBe("thrown");
    expect(await outcome(fail(new Error("boom")))).toBe("thrown");
  });
});
