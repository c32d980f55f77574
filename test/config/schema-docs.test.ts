/**
 * The config schema documents itself: every field has a description, and docs/CONFIG.md's
 * field tables are the ones rendered from the schema (`npm run docs`).
 */
import { readFileSync } from "fs";
import { join } from "path";

import { expect } from "chai";
import { z } from "zod";

import { withConfigTables } from "../../components/config/docs-tables";
import { allFields, objectFields } from "../../components/config/field-docs";
import { configSchemas } from "../../components/config/schema";

const CONFIG_MD = join(__dirname, "..", "..", "docs", "CONFIG.md");

/** Paths of the fields of `schema` that have no description. */
function undescribed(schema: z.ZodType): string[] {
  return allFields(objectFields(schema) ?? [])
    .filter(({ field }) => !field.description)
    .map(({ path }) => path);
}

describe("config schema documentation", () => {
  it("describes every field of every config key", () => {
    const schema = z.object(configSchemas({ region: "us-east-1", partition: "aws" }));
    expect(allFields(objectFields(schema) ?? [])).to.have.length.above(40);
    expect(undescribed(schema)).to.deep.equal([]);
  });

  it("finds a field without a description, however deep", () => {
    const schema = z.object({
      a: z.string().describe("A."),
      b: z
        .array(z.object({ c: z.number().default(1), d: z.boolean().describe("D.") }))
        .describe("B."),
    });
    expect(undescribed(schema)).to.deep.equal(["b[].c"]);
  });

  it("keeps docs/CONFIG.md's field tables current (run `npm run docs` after changing the schema)", () => {
    const markdown = readFileSync(CONFIG_MD, "utf8");
    expect(withConfigTables(markdown)).to.equal(markdown);
  });

  it("notices a stale table in CONFIG.md", () => {
    const markdown = readFileSync(CONFIG_MD, "utf8");
    const stale = markdown.replace(
      "| `bandWidth` | number | `2` |",
      "| `bandWidth` | number | `3` |",
    );
    expect(stale).to.not.equal(markdown);
    expect(withConfigTables(stale)).to.not.equal(stale);
  });

  it("renders a field's type, default, range and description from the schema", () => {
    const markdown = readFileSync(CONFIG_MD, "utf8");
    expect(markdown).to.contain(
      "| `evaluationPeriods` | integer | `3` | Periods evaluated; `periodSeconds` x `evaluationPeriods` must not exceed 604,800 seconds (7 days). Allowed: an integer from 1 to 24. |",
    );
  });
});
