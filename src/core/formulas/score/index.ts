export * from "./itemScore";
export * from "./results";
export * from "./scoreFormulas";
