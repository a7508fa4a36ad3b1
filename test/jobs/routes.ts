// Calling route handlers directly, as Next would.
type Handler<P> = (request: Request, ctx: { params: Promise<P> }) => Promise<Response>;

export function call<P = Record<string, never>>(
  handler: Handler<P>,
  request: Request,
  params?: P,
): Promise<Response> {
  return handler(request, { params: Promise.resolve(params ?? ({} as P)) });
}

export function jsonRequest(
  url: string,
  body: unknown,
  init: { method?: string; headers?: Record<string, string> } = {},
): Request {
  return new Request(`http://test${url}`, {
    method: init.method ?? "POST",
    headers: { "Content-Type": "application/json", ...init.headers },
    body: JSON.stringify(body),
  });
}
