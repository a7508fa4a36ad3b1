/** Part of the session cookie's name in both its plain and `__Secure-` forms. */
export const sessionCookieMarker = "next-auth.session-token";
