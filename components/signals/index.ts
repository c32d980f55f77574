/** The KMS signal catalog and the pure builders that derive patterns from it. */
export * from "./types";
export * from "./catalog";
export * from "./key-scope";
export * from "./filter-patterns";
export * from "./event-patterns";
export * from "./docs-table";
export * from "./tamper-catalog";
