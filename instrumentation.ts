// Called once per server instance before it handles requests.
export async function register(): Promise<void> {
  // Node-only code is imported inside the check so the edge compilation never sees it.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installContentLengthPassthrough } = await import("./lib/http/content-length");
    installContentLengthPassthrough();
    const { startServer } = await import("./lib/server/start");
    startServer();
  }
}
