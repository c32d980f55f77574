/**
 * What a graph (metric) widget draws, read from its properties as the dashboard body gives them:
 * its lines with their legend labels and colours, its anomaly bands and its threshold lines, each
 * with deterministic synthetic sample data. The data is illustrative only (the plan has no
 * metrics); the same body always draws the same picture.
 */
import type {
  HorizontalAnnotation,
  MetricLine,
  MetricOptions,
  MetricWidgetProperties,
} from "../../components/dashboard/types";

/** CloudWatch's default line colours, in the order it gives them to a graph's lines. */
export const LINE_COLOURS = [
  "#1f77b4",
  "#ff7f0e",
  "#2ca02c",
  "#d62728",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
];

/** Points of every synthetic series. */
export const SAMPLE_POINTS = 48;

/** A drawn line: its legend label, colour and sample values. */
export interface GraphLine {
  id?: string;
  label: string;
  colour: string;
  values: number[];
}

/** An anomaly band (ANOMALY_DETECTION_BAND of line `of`): lower and upper values per point. */
export interface GraphBand {
  of: string;
  label: string;
  lower: number[];
  upper: number[];
}

/** Everything a graph widget shows. */
export interface GraphModel {
  lines: GraphLine[];
  bands: GraphBand[];
  annotations: HorizontalAnnotation[];
  /** Left axis label and fixed bounds, from the widget's yAxis. */
  axis: { label?: string; min?: number; max?: number };
}

const BAND = /^ANOMALY_DETECTION_BAND\(\s*([a-z][A-Za-z0-9_]*)\s*(?:,\s*([0-9.]+)\s*)?\)$/;

/** The options object of a metric line, if any (always its last element). */
export function optionsOf(line: MetricLine): MetricOptions {
  const last = line[line.length - 1];
  return typeof last === "object" && last !== null ? last : {};
}

/**
 * The legend label CloudWatch shows for a line: its own label, else its expression, else its
 * namespace, metric name and dimensions (`AWS/KMS SuccessfulRequest Operation=Decrypt`).
 */
export function lineLabel(line: MetricLine): string {
  const options = optionsOf(line);
  if (options.label) return options.label;
  if (options.expression) return options.expression;
  const [namespace, metric, ...dims] = line.filter((p): p is string => typeof p === "string");
  const pairs: string[] = [];
  for (let i = 0; i + 1 < dims.length; i += 2) pairs.push(`${dims[i]}=${dims[i + 1]}`);
  return [namespace, metric, ...pairs].filter(Boolean).join(" ");
}

/** FNV-1a hash of `text`: the seed of its series. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mulberry32: a small seeded generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic series: a daily-looking wave (`smooth`) plus noise of spread `noise`. */
export interface Sample {
  smooth: number[];
  values: number[];
  noise: number;
}

/**
 * The sample of one line, from its seed: a level (a tenth to nearly half of `top`), a wave
 * around it and noise, never below 0.
 */
export function sample(seed: number, top: number, points = SAMPLE_POINTS): Sample {
  const random = generator(seed);
  const level = top * (0.1 + 0.35 * random());
  const phase = random() * 2 * Math.PI;
  const noise = level * 0.08;
  const smooth: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < points; i++) {
    const s = level * (1 + 0.4 * Math.sin(phase + (i / points) * 2 * Math.PI));
    smooth.push(s);
    values.push(Math.max(0, s + noise * (random() + random() + random() - 1.5) * 2));
  }
  return { smooth, values, noise };
}

/** What a graph widget's `properties` draw. `seed` makes different widgets look different. */
export function graphModel(properties: MetricWidgetProperties, seed = ""): GraphModel {
  const axis = properties.yAxis?.left ?? {};
  const top = axis.max ?? 100;
  const samples = new Map<string, Sample>();
  const sampled = properties.metrics.map((line, i) => {
    const options = optionsOf(line);
    const s = sample(hash(`${seed}|${properties.title}|${i}|${lineLabel(line)}`), top);
    if (options.id) samples.set(options.id, s);
    return { line, options, sample: s };
  });
  const lines: GraphLine[] = [];
  const bands: GraphBand[] = [];
  for (const { line, options, sample: s } of sampled) {
    const band = BAND.exec(options.expression ?? "");
    if (band) {
      const of = samples.get(band[1]);
      const width = Number(band[2] ?? 2);
      if (!of) continue;
      bands.push({
        of: band[1],
        label: lineLabel(line),
        lower: of.smooth.map((v) => Math.max(0, v - width * of.noise * 1.5)),
        upper: of.smooth.map((v) => v + width * of.noise * 1.5),
      });
    } else if (options.visible !== false) {
      const colour = LINE_COLOURS[lines.length % LINE_COLOURS.length];
      lines.push({ id: options.id, label: lineLabel(line), colour, values: s.values });
    }
  }
  return { lines, bands, annotations: properties.annotations?.horizontal ?? [], axis };
}
