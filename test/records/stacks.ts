/** The example stacks the record covers, each with the mock AWS world it runs in. */
import type { MockRun } from "../harness/mock-runtime";
import { devRun, prodRun } from "../program/helpers";

/** Stack name to a (memoized) run of it. */
export const RECORDED_STACKS: Record<string, () => Promise<MockRun<unknown>>> = {
  dev: devRun,
  prod: prodRun,
};
