/**
 * Three-valued answers for checks that may meet unknown values at preview: a policy reports a
 * violation only when the answer is a definite `false`, never when it is "unknown".
 */

/** Yes, no, or cannot tell yet (the answer depends on a value unknown at preview). */
export type Tri = boolean | "unknown";

/** True if any is true; otherwise unknown if any is unknown; otherwise false. */
export function anyTri(values: Iterable<Tri>): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === "unknown") unknown = true;
  }
  return unknown ? "unknown" : false;
}

/** False if any is false; otherwise unknown if any is unknown; otherwise true. */
export function allTri(values: Iterable<Tri>): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === "unknown") unknown = true;
  }
  return unknown ? "unknown" : true;
}
