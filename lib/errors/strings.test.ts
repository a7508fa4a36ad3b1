import { describe, expect, it } from "vitest";

import { errorStatus, type ErrorCode, type ErrorReason } from "@/lib/errors";
import { locales } from "@/lib/i18n/strings";

import { errorStrings, genericErrorMessage } from "./strings";

const codes = Object.keys(errorStatus) as ErrorCode[];
const reasons: ErrorReason[] = ["not_a_folder", "lfs_not_served", "file_exists", "invalid_card"];
const han = /\p{Script=Han}/u;

describe("error strings", () => {
  // defineStrings already refuses a locale that lacks a key; this catches an empty or untranslated one.
  it.each(codes)("has a sentence for %s in every locale", (code) => {
    for (const locale of locales) expect(errorStrings[locale].codes[code]).toMatch(/\S/);
    expect(errorStrings.zh.codes[code]).toMatch(han);
    expect(Object.keys(errorStrings.zh.codes).sort()).toEqual([...codes].sort());
  });

  it.each(reasons)("has a sentence for the reason %s in every locale", (reason) => {
    for (const locale of locales) expect(errorStrings[locale].reasons[reason]).toMatch(/\S/);
    expect(errorStrings.zh.reasons[reason]).toMatch(han);
  });

  it("prefers a reason's sentence to its code's", () => {
    expect(genericErrorMessage("zh", { code: "bad_request", reason: "not_a_folder" })).toBe(
      "该路径是文件，不是文件夹。",
    );
    expect(genericErrorMessage("zh", { code: "bad_request" })).toBe(
      errorStrings.zh.codes.bad_request,
    );
    expect(genericErrorMessage("en", { code: "not_found" })).toBe("This could not be found.");
  });
});
