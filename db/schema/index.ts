export * from "./accounts";
export * from "./audit";
export * from "./enums";
export * from "./rate-limits";
export * from "./registry";
export * from "./tokens";
