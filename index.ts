/**
 * The program `pulumi up` runs: read this stack's config into the validated model, build the
 * monitoring, export what on-call and other stacks need. Bad config stops here, before any
 * resource, with every problem listed and no stack trace.
 */
import * as pulumi from "@pulumi/pulumi";
import { runProgram } from "./components/program";

export = async () => (await runProgram(pulumi.runtime.allConfig(), pulumi.getStack())).outputs;
