/** Watchers of the monitoring itself and of key use: tamper alarms, usage baselines, quotas. */
export * from "./tamper-plan";
export * from "./tamper-alarms";
export * from "./baseline-plan";
export * from "./usage-baseline";
export * from "./quota-plan";
export * from "./request-quota-alarms";
