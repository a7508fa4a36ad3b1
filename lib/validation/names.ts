import { z } from "zod";

/**
 * Names that are, or may become, top-level paths of the site (`/{name}` is a profile) or that
 * would confuse people ("admin"). Compared case-insensitively.
 */
const reservedNames = new Set([
  "about",
  "account",
  "admin",
  "administrator",
  "api",
  "assets",
  "auth",
  "billing",
  "blog",
  "ci",
  "collections",
  "datasets",
  "docs",
  "explore",
  "favicon.ico",
  "help",
  "hf",
  "home",
  "images",
  "jobs",
  "join",
  "login",
  "logout",
  "me",
  "models",
  "new",
  "notifications",
  "organizations",
  "orgs",
  "papers",
  "pricing",
  "privacy",
  "public",
  "register",
  "robots.txt",
  "root",
  "runners",
  "search",
  "security",
  "settings",
  "signin",
  "signout",
  "signup",
  "sitemap.xml",
  "spaces",
  "static",
  "status",
  "strata",
  "support",
  "system",
  "terms",
  "tokens",
  "user",
  "users",
  "v2",
  "_next",
]);

export function isReservedName(name: string): boolean {
  return reservedNames.has(name.toLowerCase());
}

/** Usernames and organisation names: 2–39 characters, a leading letter, then letters, digits, - _ . */
export const ownerNameSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(39, "Use at most 39 characters.")
  .regex(/^[A-Za-z]/, "Start with a letter.")
  .regex(/^[A-Za-z0-9._-]+$/, "Use only letters, digits, '-', '_' and '.'.")
  .refine((name) => !/[._-]{2}/.test(name), "Do not put two of '-', '_' or '.' in a row.")
  .refine((name) => !/[._-]$/.test(name), "End with a letter or digit.")
  .refine((name) => !isReservedName(name), "This name is reserved.");

const commonPasswords = new Set([
  "password",
  "password1",
  "password123",
  "12345678",
  "123456789",
  "1234567890",
  "qwertyuiop",
  "11111111",
  "00000000",
  "iloveyou",
  "abc12345",
  "qwerty123",
  "letmein1",
  "admin123",
  "welcome1",
  "passw0rd",
  "sunshine",
  "football",
  "princess",
  "baseball",
  "1q2w3e4r",
  "strata123",
]);

/** At least 8 characters, not a well-known password, not one character repeated. */
export const passwordSchema = z
  .string()
  .min(8, "Use at least 8 characters.")
  .max(128, "Use at most 128 characters.")
  .refine((p) => !commonPasswords.has(p.toLowerCase()), "This password is too common.")
  .refine((p) => new Set(p).size >= 4, "Use a less repetitive password.");

export const emailSchema = z.email("Enter a valid email address.").max(254);
