import { describe, expect, it } from "vitest";

import type { AppError } from "@/lib/errors";

import { decodeGrant, encodeGrant, type TransferGrant } from "./transfer-grant";

const secret = "s".repeat(48);
const grant: TransferGrant = {
  op: "upload",
  repoId: 7,
  oid: "a".repeat(64),
  size: 123,
  userId: 3,
  tokenId: 9,
  expiresAt: 2_000_000_000,
};
const now = 1_900_000_000_000;

function failure(token: string, at = now, key = secret): AppError {
  try {
    decodeGrant(token, at, key);
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a failure");
}

describe("transfer grants", () => {
  it("round-trips a signed grant, with or without the job it was handed to", () => {
    expect(decodeGrant(encodeGrant(grant, secret), now, secret)).toEqual({
      ...grant,
      jobId: 0,
      jobAttempt: 0,
    });
    const forJob = { ...grant, jobId: 12, jobAttempt: 2 };
    expect(decodeGrant(encodeGrant(forJob, secret), now, secret)).toEqual(forJob);
  });

  it("refuses expired, tampered, foreign and malformed links", () => {
    const token = encodeGrant(grant, secret);
    expect(failure(token, 2_000_000_001_000).message).toContain("expired");
    const [body, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(
      JSON.stringify(["upload", 7, "a".repeat(64), 999999, 3, 9, 2_000_000_000]),
    ).toString("base64url");
    expect(failure(`${forged}.${signature}`).code).toBe("forbidden");
    expect(failure(token, now, "t".repeat(48)).code).toBe("forbidden");
    expect(failure(`${body}.`).code).toBe("forbidden");
    expect(failure(`${body}.${signature}.x`).code).toBe("forbidden");
    expect(failure("garbage").code).toBe("forbidden");
  });
});
