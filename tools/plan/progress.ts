/**
 * Progress on stderr for long plans: one line, rewritten in place, that appears only once a plan
 * has run for `delayMs` and only on a terminal, so short plans, pipes and logs get nothing extra.
 * The mock runtime answers registrations as promise callbacks, which keep timers from firing while
 * resources register: so the work itself (each stage and each resource) also redraws the line
 * when it is due, and the timer only covers quiet stretches.
 */

/** What progress needs of a stream: whether it is a terminal, and a way to write. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** How often the line is redrawn. */
const REDRAW_MS = 250;

/** A progress line for one plan. */
export class Progress {
  private label = "starting";
  private resources = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly started = Date.now();
  private readonly timer?: NodeJS.Timeout;

  /**
   * @param stream where the line goes (stderr)
   * @param delayMs how long a plan runs before the line appears. Defaults to 2,000 ms.
   */
  constructor(
    private readonly stream: ProgressStream,
    private readonly delayMs = 2000,
  ) {
    if (!stream.isTTY) return;
    this.timer = setInterval(() => this.draw(), REDRAW_MS);
    // The line must never keep the process alive.
    this.timer.unref();
  }

  /** Names what the plan is doing now. */
  stage(label: string): void {
    this.label = label;
    this.drawIfDue();
  }

  /** Counts one more registered resource. */
  tick(): void {
    this.resources++;
    this.drawIfDue();
  }

  /** Stops and erases the line. */
  done(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.shown) this.stream.write("\r\x1b[2K");
    this.shown = false;
  }

  private drawIfDue(): void {
    if (this.stream.isTTY && Date.now() - this.lastDraw >= REDRAW_MS) this.draw();
  }

  private draw(): void {
    const now = Date.now();
    const elapsed = now - this.started;
    if (elapsed < this.delayMs) return;
    this.shown = true;
    this.lastDraw = now;
    const seconds = Math.round(elapsed / 1000);
    this.stream.write(`\r\x1b[2Kplan: ${this.label}, ${this.resources} resources, ${seconds} s`);
  }
}
