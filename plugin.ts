/**
 * What Pulumi's schema analyzer reads when another language uses this package (`pulumi package
 * add`): package.json's `main` is plugin.js, and the analyzer looks for the `.ts` file of the same
 * name. plugin.js loads the compiled components at run time.
 */
export * from "./components/multi-language";
