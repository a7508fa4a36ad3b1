import { describe, expect, it } from "vitest";

import { clientAddress, normalizeAddress, parseTrustedProxies } from "./client-address.mjs";

describe("client addresses", () => {
  it("normalizes IPv4-mapped IPv6, brackets and ports, and refuses junk", () => {
    expect(normalizeAddress("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("198.51.100.7:8080")).toBe("198.51.100.7");
    expect(normalizeAddress("unknown")).toBeNull();
    expect(normalizeAddress("1.2.3.4, 5.6.7.8")).toBeNull();
  });

  it("uses the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const input = { socketAddress: "::ffff:203.0.113.9", forwardedFor: "198.51.100.1" };
    expect(clientAddress({ ...input, trusted: null })).toBe("203.0.113.9");
    expect(clientAddress({ ...input, trusted: parseTrustedProxies("") })).toBe("203.0.113.9");
    // A trusted list that does not contain the peer changes nothing either.
    expect(clientAddress({ ...input, trusted: parseTrustedProxies("10.0.0.0/8") })).toBe(
      "203.0.113.9",
    );
  });

  it("walks the chain from the right past trusted proxies and ignores what the client wrote", () => {
    const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");
    // client (forged "1.1.1.1") → edge proxy 10.0.0.5 → local proxy → server
    const forwardedFor = "1.1.1.1, 203.0.113.9, 10.0.0.5";
    expect(clientAddress({ socketAddress: "127.0.0.1", forwardedFor, trusted })).toBe(
      "203.0.113.9",
    );
    expect(clientAddress({ socketAddress: "::1", forwardedFor: "2001:db8::7", trusted })).toBe(
      "2001:db8::7",
    );
    // Every hop trusted: the leftmost is the best we know.
    expect(clientAddress({ socketAddress: "127.0.0.1", forwardedFor: "10.1.1.1", trusted })).toBe(
      "10.1.1.1",
    );
    // A malformed hop stops the walk at the last address a trusted proxy vouched for.
    expect(
      clientAddress({ socketAddress: "127.0.0.1", forwardedFor: "203.0.113.9, nonsense", trusted }),
    ).toBe("127.0.0.1");
    expect(clientAddress({ socketAddress: "127.0.0.1", forwardedFor: undefined, trusted })).toBe(
      "127.0.0.1",
    );
  });

  it("refuses a bad proxy entry, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, nope")).toThrow('"nope" is not an IP address');
    expect(() => parseTrustedProxies("::1/129")).toThrow("::1/129");
    expect(() => parseTrustedProxies("10.0.0.0/8/1")).toThrow("10.0.0.0/8/1");
  });
});
