export * from "./columns";
export * from "./layout";
