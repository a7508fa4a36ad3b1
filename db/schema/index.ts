export * from "./accounts";
export * from "./audit";
export * from "./enums";
export * from "./jobs";
export * from "./rate-limits";
export * from "./tokens";
export * from "./images";
export * from "./repos";
