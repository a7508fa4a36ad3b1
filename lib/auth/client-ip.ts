import { clientAddressHeader } from "@/lib/runtime/client-address.mjs";

/**
 * The client's address, as the server worked it out from the socket and the forwarding headers of
 * trusted proxies (`STRATA_TRUSTED_PROXIES`, see `lib/runtime/client-address.mjs`). The server
 * drops any copy of this header a client sends, so `X-Forwarded-For` cannot spoof it. Used for
 * rate limits, download counts and audit records.
 */
export function clientIp(headers: Headers): string {
  return headers.get(clientAddressHeader) || "unknown";
}
