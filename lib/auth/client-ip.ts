/**
 * The client's address as seen by the first proxy (or Next's own server, which sets
 * X-Forwarded-For from the socket). Used only for rate limiting and audit records.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}
