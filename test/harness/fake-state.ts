export * from "../../tools/mock-runtime/fake-state";
