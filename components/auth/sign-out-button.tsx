"use client";

import type { ButtonHTMLAttributes } from "react";

import { signOutTo } from "./sign-out";

/** The one piece of the user menu that must run in the browser. */
export function SignOutButton(props: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onClick">) {
  return <button type="button" {...props} onClick={() => void signOutTo("/")} />;
}
