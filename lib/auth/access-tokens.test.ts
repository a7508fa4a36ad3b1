import { describe, expect, it } from "vitest";

import { makeUser } from "@/test/factories";

import {
  createAccessToken,
  listAccessTokens,
  revokeAccessToken,
  verifyAccessToken,
} from "./access-tokens";
import { generateAccessToken, hashAccessToken, looksLikeAccessToken } from "./token-format";

describe("access tokens", () => {
  it("have the hf_ format with at least 32 random base62 characters, all different", () => {
    const tokens = new Set(Array.from({ length: 200 }, generateAccessToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^hf_[0-9A-Za-z]{37}$/);
  });

  it("are created, verified with their scope, listed without the secret, and revoked", async () => {
    const user = await makeUser();
    const created = await createAccessToken(user.id, { name: "laptop", scope: "write" });
    expect(looksLikeAccessToken(created.token)).toBe(true);

    const owner = await verifyAccessToken(created.token);
    expect(owner).toMatchObject({
      userId: user.id,
      name: user.name,
      scope: "write",
      tokenId: created.id,
    });

    const listed = await listAccessTokens(user.id);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(JSON.stringify(listed)).not.toContain(hashAccessToken(created.token));
    expect(listed[0]!.lastUsedAt).not.toBeNull();

    await revokeAccessToken(user.id, created.id);
    expect(await verifyAccessToken(created.token)).toBeNull();
    expect(await listAccessTokens(user.id)).toEqual([]);
  });

  it("refuse forged, malformed and other users' tokens", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const created = await createAccessToken(user.id, { name: "ci", scope: "read" });
    expect(await verifyAccessToken(generateAccessToken())).toBeNull();
    expect(await verifyAccessToken("hf_short")).toBeNull();
    expect(
      await verifyAccessToken(
        created.token.slice(0, -1) + (created.token.endsWith("0") ? "1" : "0"),
      ),
    ).toBeNull();
    expect(await verifyAccessToken("")).toBeNull();
    // Revoking someone else's token is "not found" and leaves it working.
    await expect(revokeAccessToken(other.id, created.id)).rejects.toThrow(/No such token/);
    expect(await verifyAccessToken(created.token)).not.toBeNull();
  });

  it("validate name and scope", async () => {
    const user = await makeUser();
    await expect(createAccessToken(user.id, { name: " ", scope: "read" })).rejects.toThrow();
    await expect(
      createAccessToken(user.id, { name: "x", scope: "admin" as "read" }),
    ).rejects.toThrow();
    expect(await listAccessTokens(user.id)).toEqual([]);
  });
});
