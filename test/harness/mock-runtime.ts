export * from "../../tools/mock-runtime/mock-runtime";
