/**
 * The example stacks' dashboards against what the stacks registered: every widget on the grid,
 * every alarm shown (the delivery alarms aside), only metrics our filters publish graphed. Their
 * bodies are in the record (test/records); widget counts and inventories are in dev-stack and
 * prod-stack.
 */
import { expect } from "chai";
import { GRID_COLUMNS } from "../../components/dashboard";
import type { MockRun } from "../harness/mock-runtime";
import { T } from "../builders";
import { dashboardBodyOf, devRun, prodRun } from "./helpers";

const STACKS: [string, () => Promise<MockRun<unknown>>][] = [
  ["dev", devRun],
  ["prod", prodRun],
];

for (const [env, runOf] of STACKS) {
  describe(`program: the ${env} stack's dashboard`, function () {
    this.timeout(30000);
    let run: MockRun<unknown>;
    before(async () => {
      run = await runOf();
    });

    it("places every widget inside the 24-column grid, none overlapping", () => {
      const { widgets } = dashboardBodyOf(run, env);
      expect(GRID_COLUMNS).to.equal(24);
      for (const w of widgets) {
        const place = [w.x, w.y, w.width, w.height];
        expect(place.every(Number.isInteger), `${place}`).to.equal(true);
        expect(Math.min(w.x, w.y), `${place}`).to.be.at.least(0);
        expect(Math.min(w.width, w.height), `${place}`).to.be.at.least(1);
        expect(w.x + w.width, `${place}`).to.be.at.most(24);
      }
      for (const [i, a] of widgets.entries()) {
        for (const b of widgets.slice(i + 1)) {
          const overlap =
            a.x < b.x + b.width &&
            b.x < a.x + a.width &&
            a.y < b.y + b.height &&
            b.y < a.y + a.height;
          expect(overlap, `${[a.x, a.y]} and ${[b.x, b.y]}`).to.equal(false);
        }
      }
    });

    it("shows every alarm the stack created except the delivery alarms", () => {
      const { widgets } = dashboardBodyOf(run, env);
      const shown = widgets.flatMap((w) => (w.type === "alarm" ? w.properties.alarms : []));
      const delivery = /:alarm:kmsmon-[a-z0-9-]+-(undelivered-not-empty|notifications-failed)$/;
      const created = run
        .ofType(T.alarm)
        .map((a) => a.state.arn as string)
        .filter((arn) => !delivery.test(arn));
      expect(created.length).to.be.greaterThan(20);
      expect([...shown].sort()).to.deep.equal(created.sort());
    });

    it("graphs only the metrics of our namespace that our filters publish", () => {
      const { widgets } = dashboardBodyOf(run, env);
      const published = new Set(
        run.ofType(T.filter).map((f) => {
          const m = f.inputs.metricTransformation as { namespace: string; name: string };
          return `${m.namespace} ${m.name}`;
        }),
      );
      const ours = widgets
        .flatMap((w) => (w.type === "metric" ? w.properties.metrics : []))
        .filter((line) => line[0] === `KMSMonitoring/${env}`);
      expect(ours.length).to.be.greaterThan(0);
      for (const line of ours) {
        expect(published.has(`${line[0]} ${line[1]}`), `${line[1]}`).to.equal(true);
      }
    });
  });
}
