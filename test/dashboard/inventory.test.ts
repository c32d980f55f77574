import { expect } from "chai";

import {
  INVENTORY_ROWS_PER_WIDGET,
  inventoryMarkdown,
  inventoryRow,
  inventoryWidgets,
} from "../../components/dashboard/inventory";
import { importedKey, key, undescribedKey } from "./fixtures";

describe("dashboard key inventory", () => {
  it("has the console's columns and one row per key", () => {
    const markdown = inventoryMarkdown("Keys of group payments", [
      key("1234abcd-12ab-34cd-56ef-1234567890ab", "us-east-1", {
        aliases: ["alias/payments/card", "alias/payments/legacy"],
      }),
      importedKey("0987dcba-09fe-87dc-65ba-ba0987654321", "eu-west-1", "2026-06-30T00:00:00Z"),
      undescribedKey("mrk-6e2b9c4d1a8f47e3b5c0d9a2e7f4b1c8", "eu-west-1"),
    ]);
    expect(markdown.split("\n")).to.deep.equal([
      "### Keys of group payments",
      "",
      "| Key ID | Aliases | Region | Status | Origin | Creation date | Key material expires | Custom key store ID |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |",
      "| 1234abcd-12ab-34cd-56ef-1234567890ab | alias/payments/card, alias/payments/legacy | us-east-1 | Enabled | AWS_KMS | 2024-03-01T10:00:00Z | - | - |",
      "| 0987dcba-09fe-87dc-65ba-ba0987654321 | - | eu-west-1 | Enabled | EXTERNAL | 2024-03-01T10:00:00Z | 2026-06-30T00:00:00Z | - |",
      "| mrk-6e2b9c4d1a8f47e3b5c0d9a2e7f4b1c8 | - | eu-west-1 | not described | - | - | - | - |",
    ]);
  });

  it("says when imported material does not expire, and shows the custom key store", () => {
    const row = inventoryRow(
      key("k1", "us-east-1", {
        origin: "EXTERNAL",
        expirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
        customKeyStoreId: "cks-1234567890abcdef0",
        keyState: "PendingDeletion",
      }),
    );
    expect(row).to.deep.equal([
      "k1",
      "-",
      "us-east-1",
      "PendingDeletion",
      "EXTERNAL",
      "2024-03-01T10:00:00Z",
      "does not expire",
      "cks-1234567890abcdef0",
    ]);
  });

  it("keeps a stray pipe from breaking the table", () => {
    expect(inventoryRow(key("k1", "us-east-1", { keyState: "A|B" }))[3]).to.equal("A\\|B");
  });

  it("keeps a known alias of a key that could not be described", () => {
    const row = inventoryRow({ ...undescribedKey("k9", "us-east-1"), aliases: ["alias/x"] });
    expect(row.slice(0, 4)).to.deep.equal(["k9", "alias/x", "us-east-1", "not described"]);
  });

  it("splits a long group into full-width tables of 50 rows", () => {
    const keys = Array.from({ length: 120 }, (_, i) => key(`k${i}`));
    const widgets = inventoryWidgets("big", keys);
    expect(widgets.map((w) => w.width)).to.deep.equal([24, 24, 24]);
    const rows = widgets.map((w) =>
      w.content.type === "text" ? w.content.properties.markdown.split("\n").length - 4 : 0,
    );
    expect(rows).to.deep.equal([INVENTORY_ROWS_PER_WIDGET, INVENTORY_ROWS_PER_WIDGET, 20]);
    const titles = widgets.map((w) =>
      w.content.type === "text" ? w.content.properties.markdown.split("\n")[0] : "",
    );
    expect(titles[2]).to.equal("### Keys of group big, as found at deploy time (3/3)");
  });
});
