/**
 * The kms-monitoring policy pack, as `pulumi preview --policy-pack policies` runs it. Creating
 * the PolicyPack starts the policy server, so nothing else imports this module: tests and tools
 * use ./all (the policies) and ./offline (the runner).
 */
import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./all";

new PolicyPack("kms-monitoring", { policies: allPolicies });
