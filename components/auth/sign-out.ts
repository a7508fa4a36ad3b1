// Signs out through next-auth's own endpoints (its CSRF token, then the sign-out POST), as its client
// library does, without that library: the user menu is on every page, and `next-auth/react` would
// be part of every page's first load for this one call.
export async function signOutTo(callbackUrl: string): Promise<void> {
  const csrf = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl, json: "true" }),
  });
  window.location.href = callbackUrl;
}
