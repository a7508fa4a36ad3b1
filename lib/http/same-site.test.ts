import { describe, expect, it } from "vitest";

import { assertSameSiteWrite } from "./same-site";

const session = { type: "session" };
const request = (headers: Record<string, string>, method = "POST") =>
  new Request("http://localhost:3000/api/x", { method, headers });

describe("session writes from other sites", () => {
  it("follows Sec-Fetch-Site when the browser sends it", () => {
    expect(() => assertSameSiteWrite(request({ "Sec-Fetch-Site": "cross-site" }), session)).toThrow(
      /other sites/,
    );
    expect(() => assertSameSiteWrite(request({ "Sec-Fetch-Site": "same-site" }), session)).toThrow(
      /other sites/,
    );
    expect(() =>
      assertSameSiteWrite(request({ "Sec-Fetch-Site": "same-origin" }), session),
    ).not.toThrow();
    expect(() => assertSameSiteWrite(request({ "Sec-Fetch-Site": "none" }), session)).not.toThrow();
  });

  it("falls back to Origin for browsers without Sec-Fetch-Site", () => {
    expect(() => assertSameSiteWrite(request({ Origin: "https://evil.example" }), session)).toThrow(
      /other sites/,
    );
    expect(() => assertSameSiteWrite(request({ Origin: "null" }), session)).toThrow(/other sites/);
    expect(() =>
      assertSameSiteWrite(request({ Origin: "http://localhost:3000" }), session),
    ).not.toThrow();
    // Neither header: not a page's request (scripts, curl with a cookie jar).
    expect(() => assertSameSiteWrite(request({}), session)).not.toThrow();
  });

  it("leaves reads, tokens and anonymous callers alone", () => {
    const crossSite = { "Sec-Fetch-Site": "cross-site" };
    expect(() => assertSameSiteWrite(request(crossSite, "GET"), session)).not.toThrow();
    expect(() => assertSameSiteWrite(request(crossSite), { type: "token" })).not.toThrow();
    expect(() => assertSameSiteWrite(request(crossSite), null)).not.toThrow();
  });
});
