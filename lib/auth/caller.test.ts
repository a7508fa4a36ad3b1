import { describe, expect, it } from "vitest";

import { makeUser } from "@/test/factories";

import { createAccessToken, revokeAccessToken } from "./access-tokens";
import { credentialFromHeader, resolveCaller } from "./caller";

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

describe("resolveCaller", () => {
  it("accepts a token as Bearer and as the HTTP Basic password", async () => {
    const user = await makeUser();
    const { token } = await createAccessToken(user.id, { name: "git", scope: "read" });
    for (const header of [`Bearer ${token}`, basic("anything", token), basic(user.name, token)]) {
      const caller = await resolveCaller(
        new Request("http://x/", { headers: { authorization: header } }),
      );
      expect(caller).toMatchObject({
        id: user.id,
        name: user.name,
        auth: { type: "token", scope: "read" },
      });
    }
  });

  it("is anonymous without credentials and fails loudly with bad ones", async () => {
    expect(await resolveCaller(new Request("http://x/"))).toBeNull();
    const user = await makeUser();
    const { token, id } = await createAccessToken(user.id, { name: "x", scope: "write" });
    await revokeAccessToken(user.id, id);
    for (const header of [`Bearer ${token}`, "Bearer nope", "Basic !!!", "Bearer "]) {
      await expect(
        resolveCaller(new Request("http://x/", { headers: { authorization: header } })),
      ).rejects.toMatchObject({
        code: "unauthorized",
      });
    }
  });

  it("reads the credential from each header form", () => {
    expect(credentialFromHeader(null)).toBeNull();
    expect(credentialFromHeader("Bearer abc")).toBe("abc");
    expect(credentialFromHeader("bearer abc")).toBe("abc");
    expect(credentialFromHeader(basic("u", "p"))).toBe("p");
    expect(credentialFromHeader(`Basic ${Buffer.from("tokenonly").toString("base64")}`)).toBe(
      "tokenonly",
    );
    expect(credentialFromHeader("Digest x")).toBe("");
  });
});
