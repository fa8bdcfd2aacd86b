export * from "./due";
export * from "./gaps";
export * from "./locate";
