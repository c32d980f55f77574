import { expect } from "chai";
import type { MetricWidgetProperties } from "../../components/dashboard/types";
import { graphModel, lineLabel, sample } from "../../tools/plan/html-graph";
import {
  chartSize,
  gridSize,
  legendRows,
  niceScale,
  rangeHours,
  widgetRect,
  wrappedLines,
} from "../../tools/plan/html-layout";
import { alarmOfArn, periodLabel } from "../../tools/plan/html-widgets";

describe("plan page: layout arithmetic", () => {
  it("places a widget at 48 px per column and 40 px per row, less a 4 px gap", () => {
    expect(widgetRect({ x: 8, y: 74, width: 8, height: 6 })).to.deep.equal({
      left: 384,
      top: 2960,
      width: 380,
      height: 236,
    });
    expect(widgetRect({ x: 0, y: 0, width: 24, height: 2 })).to.deep.equal({
      left: 0,
      top: 0,
      width: 1148,
      height: 76,
    });
  });

  it("sizes the grid: 24 columns, down to the lowest widget", () => {
    const places = [
      { x: 0, y: 0, width: 24, height: 6 },
      { x: 12, y: 8, width: 12, height: 6 },
      { x: 0, y: 8, width: 12, height: 3 },
    ];
    expect(gridSize(places)).to.deep.equal({ width: 1152, height: 560 });
    expect(gridSize([])).to.deep.equal({ width: 1152, height: 0 });
  });

  it("estimates wrapping word by word, breaking words longer than a line", () => {
    // 65 px at 6.5 px a character: 10 characters a line.
    expect(wrappedLines("", 65)).to.equal(1);
    expect(wrappedLines("abcd efgh", 65)).to.equal(1);
    expect(wrappedLines("abcd efghij", 65)).to.equal(2);
    expect(wrappedLines("ab abcdefghijklmnopqrstuvwxyz", 65)).to.equal(3);
    expect(wrappedLines("abcdefghij", 76, 7.6)).to.equal(1);
  });

  it("counts legend rows: items flow left to right and wrap", () => {
    // Items are 22 px plus 6.5 px a character: "Encrypt" 67.5, "Decrypt" 67.5.
    expect(legendRows([], 200)).to.equal(0);
    expect(legendRows(["Encrypt", "Decrypt"], 140)).to.equal(1);
    expect(legendRows(["Encrypt", "Decrypt"], 130)).to.equal(2);
    expect(legendRows(["Encrypt", "Decrypt", "ReEncrypt"], 140)).to.equal(2);
  });

  it("gives the chart what the title, meta line and legend leave", () => {
    // 380 x 236 widget: 366 x 222 inside; 1 title line + meta + 1 legend row = 48 px.
    expect(chartSize({ left: 0, top: 0, width: 380, height: 236 }, "Short", ["a"])).to.deep.equal({
      width: 366,
      height: 174,
    });
    // At most 4 legend rows count; never under 60 px.
    const many = Array.from({ length: 40 }, (_, i) => `line number ${i} of the graph`);
    expect(chartSize({ left: 0, top: 0, width: 380, height: 236 }, "T", many)).to.deep.equal({
      width: 366,
      height: 126,
    });
    expect(chartSize({ left: 0, top: 0, width: 380, height: 76 }, "T", many).height).to.equal(60);
  });

  it("makes round axis scales, keeping the widget's fixed bounds", () => {
    expect(niceScale(0, 57)).to.deep.equal({ min: 0, max: 60, ticks: [0, 20, 40, 60] });
    expect(niceScale(0, 0.37)).to.deep.equal({
      min: 0,
      max: 0.4,
      ticks: [0, 0.1, 0.2, 0.3, 0.4],
    });
    expect(niceScale(0, 57, 4, { min: 0, max: 100 })).to.deep.equal({
      min: 0,
      max: 100,
      ticks: [0, 25, 50, 75, 100],
    });
    expect(niceScale(3, 1234, 4, { min: 0 })).to.deep.equal({
      min: 0,
      max: 1500,
      ticks: [0, 500, 1000, 1500],
    });
  });

  it("reads the dashboard's time range", () => {
    expect(rangeHours("-PT12H")).to.equal(12);
    expect(rangeHours("-P1D")).to.equal(24);
    expect(rangeHours("-PT30M")).to.equal(0.5);
    expect(rangeHours("-P1DT6H")).to.equal(30);
    expect(rangeHours("2024-01-01T00:00:00Z")).to.equal(3);
  });

  it("names periods and alarms as CloudWatch shows them", () => {
    expect([60, 300, 3600, 86400, 10].map(periodLabel)).to.deep.equal([
      "1 min",
      "5 min",
      "1 h",
      "24 h",
      "10 s",
    ]);
    expect(
      alarmOfArn("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:kmsmon-prod-quota-rsa"),
    ).to.deep.equal({ name: "kmsmon-prod-quota-rsa", region: "eu-west-1" });
  });
});

describe("plan page: what a graph widget draws", () => {
  const properties: MetricWidgetProperties = {
    title: "Data-plane calls of alias/app (us-east-1), by operation",
    region: "us-east-1",
    view: "timeSeries",
    stacked: false,
    period: 300,
    stat: "Sum",
    metrics: [
      ["AWS/KMS", "SuccessfulRequest", "KeyId", "k1", "Operation", "Encrypt", { id: "o0" }],
      ["AWS/KMS", "SuccessfulRequest", "Operation", "Decrypt", { id: "o1", label: "Decrypt" }],
      ["AWS/Usage", "CallCount", { id: "q0", visible: false }],
      [{ id: "p0", expression: "q0/PERIOD(q0)" }],
      [{ id: "band", expression: "ANOMALY_DETECTION_BAND(o1, 2)", label: "Decrypt band" }],
    ],
    yAxis: { left: { label: "calls", min: 0 } },
    annotations: { horizontal: [{ value: 40, label: "Alarm" }] },
  };

  it("labels lines by label, else expression, else namespace, metric and dimensions", () => {
    expect(properties.metrics.map(lineLabel)).to.deep.equal([
      "AWS/KMS SuccessfulRequest KeyId=k1 Operation=Encrypt",
      "Decrypt",
      "AWS/Usage CallCount",
      "q0/PERIOD(q0)",
      "Decrypt band",
    ]);
  });

  it("draws visible lines in CloudWatch's colours, the band of its line, the thresholds", () => {
    const model = graphModel(properties, "kmsmon-prod");
    expect(model.lines.map((l) => [l.id, l.label, l.colour, l.values.length])).to.deep.equal([
      ["o0", "AWS/KMS SuccessfulRequest KeyId=k1 Operation=Encrypt", "#1f77b4", 48],
      ["o1", "Decrypt", "#ff7f0e", 48],
      ["p0", "q0/PERIOD(q0)", "#2ca02c", 48],
    ]);
    expect(model.bands.map((b) => [b.of, b.label, b.lower.length])).to.deep.equal([
      ["o1", "Decrypt band", 48],
    ]);
    expect(model.annotations).to.deep.equal([{ value: 40, label: "Alarm" }]);
    expect(model.axis).to.deep.equal({ label: "calls", min: 0 });
  });

  it("samples deterministically, never below zero, with the band around its line's wave", () => {
    const a = sample(42, 100);
    expect(sample(42, 100)).to.deep.equal(a);
    expect(sample(43, 100).values).not.to.deep.equal(a.values);
    expect(Math.min(...a.values)).to.be.at.least(0);
    expect(Math.max(...a.values)).to.be.below(100);
    const model = graphModel(properties, "kmsmon-prod");
    const [band] = model.bands;
    const decrypt = model.lines[1].values;
    const inside = decrypt.filter((v, i) => band.lower[i] <= v && v <= band.upper[i]).length;
    expect(inside).to.be.at.least(40);
    expect(graphModel(properties, "kmsmon-prod")).to.deep.equal(model);
  });
});
