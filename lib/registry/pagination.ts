import { RegistryError } from "./errors";

/** `n` and `last` of a tags or catalog page; `n` is null when the client did not limit the page. */
export function parsePage(request: Request, maxN: number): { n: number | null; last: string } {
  const params = new URL(request.url).searchParams;
  const raw = params.get("n");
  const last = params.get("last") ?? "";
  if (raw === null || raw === "") return { n: null, last };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > maxN) {
    throw new RegistryError(
      "PAGINATION_NUMBER_INVALID",
      `n must be a whole number from 0 to ${maxN}.`,
    );
  }
  return { n, last };
}

/** `Link: <path?n=…&last=…>; rel="next"` pointing at the page after `last`. */
export function nextLink(path: string, n: number, last: string): string {
  return `<${path}?n=${n}&last=${encodeURIComponent(last)}>; rel="next"`;
}
