import { expect } from "chai";
import { applyInputTransformer, readJsonPath } from "../../tools/matching";

const EVENT = {
  "detail-type": "KMS CMK Deletion",
  time: "2022-08-10T16:37:50Z",
  resources: ["arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
  detail: {
    "key-id": "1234abcd-12ab-34cd-56ef-1234567890ab",
    days: 7,
    quoted: 'say "hi"\\now',
    list: ["Encrypt", "Decrypt"],
  },
};

describe("EventBridge input transformer evaluator", () => {
  it("reads dot-notation paths with dashes and array indexes", () => {
    expect(readJsonPath(EVENT, "$.detail.key-id")).to.equal("1234abcd-12ab-34cd-56ef-1234567890ab");
    expect(readJsonPath(EVENT, "$.resources[0]")).to.equal(EVENT.resources[0]);
    expect(readJsonPath(EVENT, "$.detail.missing.deeper")).to.equal(undefined);
    expect(readJsonPath(EVENT, "$.detail[0]")).to.equal(undefined);
    expect(() => readJsonPath(EVENT, "$..key-id")).to.throw(/unsupported JSON path/);
  });

  it("delivers the text of a string template, values filled as text", () => {
    const text = applyInputTransformer(
      {
        inputPaths: { kind: "$.detail-type", days: "$.detail.days", q: "$.detail.quoted" },
        inputTemplate: '"<kind> in <days> days\\n<q> <kind>"',
      },
      EVENT,
    );
    expect(text).to.equal('KMS CMK Deletion in 7 days\nsay "hi"\\now KMS CMK Deletion');
  });

  it("fills an absent path with nothing inside quotes and null outside", () => {
    const paths = { gone: "$.detail.gone", id: "$.detail.key-id", list: "$.detail.list" };
    expect(
      applyInputTransformer({ inputPaths: paths, inputTemplate: '"[<gone>]"' }, EVENT),
    ).to.equal("[]");
    expect(
      applyInputTransformer(
        { inputPaths: paths, inputTemplate: '{"a": <gone>, "b": <id>, "c": "<id>", "d": <list>}' },
        EVENT,
      ),
    ).to.equal(
      '{"a": null, "b": "1234abcd-12ab-34cd-56ef-1234567890ab", "c": "1234abcd-12ab-34cd-56ef-1234567890ab", "d": ["Encrypt","Decrypt"]}',
    );
  });

  it("knows the predefined variables and rejects a placeholder that is no input path", () => {
    const spec = {
      inputPaths: {},
      inputTemplate: '"<aws.events.rule-name> at <aws.events.event.ingestion-time>"',
    };
    expect(applyInputTransformer(spec, EVENT, { ruleName: "r1" })).to.equal(
      "r1 at 2022-08-10T16:37:50Z",
    );
    expect(() =>
      applyInputTransformer({ inputPaths: {}, inputTemplate: '"<nope>"' }, EVENT),
    ).to.throw(/<nope>/);
    expect(() =>
      applyInputTransformer({ inputPaths: { "AWS.x": "$.time" }, inputTemplate: '"x"' }, EVENT),
    ).to.throw(/not allowed/);
  });
});
