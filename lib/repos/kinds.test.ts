import { describe, expect, it } from "vitest";

import { isReservedName } from "@/lib/validation/names";
import { repoTypePlural } from "@/lib/validation/repo-names";

import { createdCard } from "./create";
import { hostedRepoTypes, isHostedRepoType, kindOfSection, repoKinds } from "./kinds";

describe("repository kinds", () => {
  it("finds each hosted kind by its URL section, and nothing else", () => {
    for (const type of hostedRepoTypes)
      expect(kindOfSection(repoKinds[type].plural)?.type).toBe(type);
    expect(kindOfSection("alice")).toBeUndefined();
    expect(kindOfSection("model")).toBeUndefined();
    expect(kindOfSection("constructor")).toBeUndefined();
  });

  it("uses the storage folder of its type as its URL section", () => {
    for (const type of hostedRepoTypes) expect(repoKinds[type].plural).toBe(repoTypePlural[type]);
  });

  // `/{section}` is a kind's list or else a profile: a section must never be an account name.
  it("reserves every section as an account name", () => {
    for (const type of hostedRepoTypes) expect(isReservedName(repoKinds[type].plural)).toBe(true);
  });

  it("hosts models, datasets and Spaces, and nothing named like an object's own keys", () => {
    expect(hostedRepoTypes).toEqual(["model", "dataset", "space"]);
    expect(isHostedRepoType("space")).toBe(true);
    expect(isHostedRepoType("toString")).toBe(false);
  });

  it("offers the create fields each card can hold", () => {
    expect(repoKinds.model.createFields).toEqual(["task", "frameworks", "hardware"]);
    expect(repoKinds.dataset).toMatchObject({
      createFields: ["task"],
      taskField: "taskCategories",
    });
  });

  it("writes a create form's labels the way each kind's card keeps them", () => {
    const form = {
      license: "mit",
      task: "text-generation",
      frameworks: ["PyTorch"],
      hardware: ["NPU"],
    };
    expect(createdCard("model", form)).toEqual({
      license: "mit",
      pipelineTag: "text-generation",
      frameworks: ["PyTorch"],
      hardware: ["NPU"],
    });
    expect(createdCard("dataset", form)).toEqual({
      license: "mit",
      taskCategories: ["text-generation"],
    });
    expect(createdCard("dataset", { ...form, task: undefined })).toEqual({ license: "mit" });
  });
});
