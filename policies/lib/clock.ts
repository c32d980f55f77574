/**
 * The time policies judge against. Policies call `now()`; the offline runner runs them inside
 * `withClock(date, ...)` so tests and plans can pin the date. Scoped per call chain
 * (AsyncLocalStorage), so concurrent runs with different dates do not interfere.
 */
import { AsyncLocalStorage } from "async_hooks";

const pinned = new AsyncLocalStorage<Date>();

/** The pinned time of the current run, or the system clock. */
export function now(): Date {
  return pinned.getStore() ?? new Date();
}

/** Runs `fn` with `now()` answering `date`. */
export function withClock<T>(date: Date | undefined, fn: () => T): T {
  return date ? pinned.run(date, fn) : fn();
}
