"use client";

// Replaces the root layout when it fails, so it cannot use the site's providers or styles.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body
        style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "4rem 1rem" }}
      >
        <h1>Something went wrong</h1>
        <p>An unexpected error stopped this page. Try again in a moment.</p>
        {error.digest ? (
          <p style={{ fontFamily: "monospace", fontSize: 12 }}>Reference: {error.digest}</p>
        ) : null}
        <button type="button" onClick={reset} style={{ marginTop: 16, padding: "8px 16px" }}>
          Try again
        </button>
      </body>
    </html>
  );
}
