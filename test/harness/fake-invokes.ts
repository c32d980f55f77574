export * from "../../tools/mock-runtime/fake-invokes";
