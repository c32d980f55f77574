/** Chromium for the plan page's browser tests, and what a screenshot shows. */
import { existsSync } from "fs";
import { Browser, chromium, Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";

/** Starts Debian's chromium headless, or fails saying why none can start on this machine. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing (Debian's chromium: apt-get install chromium; .ci/run installs it).`,
    );
  }
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  } catch (e) {
    const first = String((e as Error).message).split("\n")[0];
    throw new Error(`${CHROMIUM} cannot start: ${first}`, { cause: e });
  }
}

/**
 * Chromium for a suite's `before` hook, else the suite skipped with a plain message. With
 * CI=true it fails instead: CI installs chromium (.ci/run), so there the browser tests are
 * mandatory.
 */
export async function chromiumOrSkip(context: Mocha.Context): Promise<Browser> {
  try {
    return await launchChromium();
  } catch (e) {
    if (process.env.CI === "true") throw e;
    console.log(`\n  Skipped the plan-page browser test: ${(e as Error).message}\n`);
    context.skip();
  }
}

/** What a PNG shows: its size, distinct colours, and how many pixels have each of `colours`. */
export interface PictureStats {
  width: number;
  height: number;
  distinctColours: number;
  /** Pixels of each asked colour (#rrggbb), exactly. */
  pixelsOf: Record<string, number>;
}

/**
 * Decodes `png` in the browser (a canvas reads its pixels: no PNG decoder in node_modules) and
 * counts its colours.
 */
export async function pictureStats(
  page: Page,
  png: Buffer,
  colours: readonly string[],
): Promise<PictureStats> {
  const url = `data:image/png;base64,${png.toString("base64")}`;
  return page.evaluate(
    async ({ url, colours }) => {
      const w = globalThis as any;
      const image = new w.Image();
      image.src = url;
      await image.decode();
      const canvas = w.document.createElement("canvas");
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext("2d");
      context.drawImage(image, 0, 0);
      const data: Uint8ClampedArray = context.getImageData(0, 0, image.width, image.height).data;
      const seen = new Set<number>();
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const rgb = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        seen.add(rgb);
        counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
      }
      const pixelsOf: Record<string, number> = {};
      for (const c of colours) pixelsOf[c] = counts.get(parseInt(c.slice(1), 16)) ?? 0;
      return { width: image.width, height: image.height, distinctColours: seen.size, pixelsOf };
    },
    { url, colours: [...colours] },
  );
}
