export * from "./due";
export * from "./gaps";
