import { describe, expect, it, vi } from "vitest";

import { AppError, toAppError } from "./errors";
import { RegistryError } from "./registry/errors";

describe("AppError", () => {
  it("recognises an AppError from another bundled copy of the module, keeping its status", async () => {
    vi.resetModules();
    const other = await import("./errors");
    expect(other.AppError).not.toBe(AppError);
    const error = new other.AppError("bad_request", "Digest mismatch.");
    expect(error instanceof AppError).toBe(true);
    expect(toAppError(error)).toBe(error);
    expect(toAppError(error).status).toBe(400);
    expect(new Error("x") instanceof AppError).toBe(false);
    expect(toAppError(new Error("x")).status).toBe(500);
  });

  it("keeps subclasses strict: a plain AppError is not a RegistryError", () => {
    const plain = new AppError("bad_request", "No.");
    const registry = new RegistryError("DIGEST_INVALID", "No.");
    expect(plain instanceof RegistryError).toBe(false);
    expect(registry instanceof RegistryError).toBe(true);
    expect(registry instanceof AppError).toBe(true);
  });
});
