// Plain value lists of the image catalog, shared by the schema, validation and the UI (no drizzle
// imports here, so client components can use them).

/** What an image repository is for; the image center groups repositories by it. */
export const imageCategories = ["base", "framework", "llm", "inference", "tool", "app"] as const;
export type ImageCategory = (typeof imageCategories)[number];

export const imageVisibilities = ["public", "private"] as const;
export type ImageVisibility = (typeof imageVisibilities)[number];

export const imageHardware = ["cpu", "npu"] as const;
export type ImageHardware = (typeof imageHardware)[number];

/** CPU architectures the stack is built for (`linux/<arch>` platforms). */
export const imageArches = ["amd64", "arm64"] as const;
export type ImageArch = (typeof imageArches)[number];

/**
 * Other registries that publish an image. This hub's own registry is not listed here: whether it
 * holds a tag is `availableLocally`, set when the tag is pushed.
 */
export const imageSources = [
  "quay.io/ascend",
  "docker.io/ascendai",
  "registry.modelers.cn",
] as const;
export type ImageSource = (typeof imageSources)[number];

export const frameworkNames = ["pytorch", "mindspore"] as const;
export type FrameworkName = (typeof frameworkNames)[number];
