/**
 * The account place is looked up once: the facade asks for the caller identity and partition,
 * and hands them to every component (alert topics and keys, dead-letter queues, the trail), which
 * would otherwise each ask again with their own provider. A component used on its own still asks.
 */
import { expect } from "chai";
import { AlertTopicKey } from "../../components/alerts/topic-key";
import { runUnderMocks } from "../harness/mock-runtime";
import { RECORDED_STACKS } from "../records/stacks";

const IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity";
const PARTITION = "aws:index/getPartition:getPartition";
const REGION = "aws:index/getRegion:getRegion";

function countOf(invokes: readonly { token: string }[], token: string): number {
  return invokes.filter((i) => i.token === token).length;
}

describe("place: account, partition and region looked up once", function () {
  this.timeout(60000);

  for (const [stack, run] of Object.entries(RECORDED_STACKS)) {
    it(`Pulumi.${stack}.yaml asks for the identity and partition once, and never the region`, async () => {
      const { invokes } = await run();
      expect([IDENTITY, PARTITION, REGION].map((t) => countOf(invokes, t))).to.deep.equal([
        1, 1, 0,
      ]);
    });
  }

  it("a component used on its own looks the account up itself", async () => {
    const { invokes } = await runUnderMocks(
      () => new AlertTopicKey("key", { aliasName: "kmsmon-dev-alerts" }),
    );
    expect([IDENTITY, PARTITION].map((t) => countOf(invokes, t))).to.deep.equal([1, 1]);
  });
});
