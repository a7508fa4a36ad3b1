import "server-only";

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import { getConfig } from "@/lib/config";

// A Space's secrets are handed to its app when it runs, so the server must be able to read them
// back: they are stored encrypted (AES-256-GCM) under a key derived from the server's auth secret,
// which never leaves the server, and no API or page returns them. The Space and the name are the
// associated data, so a sealed value copied to another Space or name does not open. Replacing the
// auth secret makes existing secrets unreadable: their owners set them again.

const version = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", getConfig().authSecret, "strata", "space secrets v1", 32));
}

const context = (repoId: number, name: string) => Buffer.from(`${repoId}\n${name}`);

export function sealSecretValue(repoId: number, name: string, value: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(context(repoId, name));
  const data = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
  return [version, iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
}

/** The value of a sealed secret; throws when it was sealed for another Space or name, or altered. */
export function openSecretValue(repoId: number, name: string, sealed: string): string {
  const [v, iv, tag, data] = sealed.split(".");
  if (v !== version || !iv || !tag || data === undefined) throw new Error("not a sealed secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAAD(context(repoId, name));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(data, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}
