/**
 * KmsDashboard: the CloudWatch dashboards of an environment, built from the pure bodies of
 * buildDashboardBodies. Dashboards are global; the console URLs point at the stack's region,
 * where the account-wide metrics live.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import { dashboardConsoleUrl } from "./text";
import { buildDashboardBodies } from "./body";
import type { DashboardInput } from "./input";
import type { DashboardSpec } from "../plan/dashboards";
import { TOKENS } from "../core/tokens";

/** Type token of {@link KmsDashboard}. */
export const KMS_DASHBOARD_TYPE = TOKENS.KmsDashboard;

/**
 * Arguments of {@link KmsDashboard}: the same as buildDashboardBodies takes. Every field is plain
 * data, because the number of dashboards depends on it.
 */
export type KmsDashboardArgs = DashboardInput;

/**
 * The CloudWatch dashboards of a KMS monitoring environment: `kmsmon-<env>`, and
 * `kmsmon-<env>-2`, ... when AWS's dashboard quotas (500 widgets, 2,500 metrics) require it.
 */
export class KmsDashboard extends pulumi.ComponentResource {
  /** Names of the dashboards, in order (the first has the whole-account section). */
  readonly dashboardNames: pulumi.Output<string[]>;
  /** Console URLs of the dashboards, in the same order. */
  readonly dashboardUrls: pulumi.Output<string[]>;

  /**
   * @param name Component name; each dashboard is the child `<name>-<dashboard name>`.
   * @param args See {@link DashboardInput}.
   * @param opts Component options, inherited by the dashboards.
   * @param planned The dashboards of the stack plan (planStack), built from the same input;
   *   realised as given. Defaults to building them from `args`.
   * @throws Error when a group is listed twice or an expiry key is not one of its group's keys.
   */
  constructor(
    name: string,
    args: KmsDashboardArgs,
    opts?: pulumi.ComponentResourceOptions,
    planned?: DashboardSpec[],
  ) {
    // Before super(): invalid input must register nothing, not even this component.
    const bodies = planned ?? buildDashboardBodies(args);
    super(KMS_DASHBOARD_TYPE, name, {}, opts);
    const region = args.stackRegion;
    const dashboards = bodies.map(
      (d) =>
        new aws.cloudwatch.Dashboard(
          `${name}-${d.name}`,
          { dashboardName: d.name, dashboardBody: JSON.stringify(d.body) },
          { parent: this },
        ),
    );
    this.dashboardNames = pulumi.all(dashboards.map((d) => d.dashboardName));
    this.dashboardUrls = pulumi.all(
      dashboards.map((d) =>
        d.dashboardName.apply((n) => dashboardConsoleUrl(region, n, args.partition)),
      ),
    );
    this.registerOutputs({
      dashboardNames: this.dashboardNames,
      dashboardUrls: this.dashboardUrls,
    });
  }
}
