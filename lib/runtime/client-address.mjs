// Who is on the other end of a request. Plain JavaScript because the server entry point
// (scripts/server.mjs) runs it before any TypeScript is loaded; the app and the config validation
// import the same functions through client-address.d.mts.
import { BlockList, isIP } from "node:net";

/** The header the server sets on every request it hands to the app; any copy a client sent is dropped. */
export const clientAddressHeader = "x-strata-client-ip";

/** `::ffff:10.0.0.1` → `10.0.0.1`; `[::1]:443` and `1.2.3.4:80` lose their port; junk → null. */
export function normalizeAddress(text) {
  let address = String(text ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (withPort) address = withPort[1];
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1];
  return isIP(address) ? address.toLowerCase() : null;
}

/**
 * Parses `STRATA_TRUSTED_PROXIES`: addresses and CIDR ranges separated by commas
 * (`127.0.0.1, 10.0.0.0/8, ::1`). Empty means no proxy is trusted. Throws with the bad entry named.
 */
export function parseTrustedProxies(text) {
  const list = new BlockList();
  let count = 0;
  for (const entry of String(text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [base, prefix, extra] = entry.split("/");
    const address = normalizeAddress(base);
    const family = address && isIP(address) === 6 ? "ipv6" : "ipv4";
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === "ipv6" ? 128 : 32;
    if (
      !address ||
      extra !== undefined ||
      (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))
    ) {
      throw new Error(`"${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8`);
    }
    if (bits === null) list.addAddress(address, family);
    else list.addSubnet(address, bits, family);
    count += 1;
  }
  return count === 0 ? null : list;
}

function isTrusted(trusted, address) {
  return trusted.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the
 * `X-Forwarded-For` chain is walked from the right (the entry the trusted proxy itself added)
 * past every further trusted proxy, and the first untrusted address is the client. Entries left
 * of it were written by whoever sent the request and are never believed.
 */
export function clientAddress({ socketAddress, forwardedFor, trusted }) {
  let address = normalizeAddress(socketAddress) ?? "unknown";
  if (!trusted || address === "unknown" || !isTrusted(trusted, address)) return address;
  const hops = String(forwardedFor ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return address;
    address = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return address;
}
