/**
 * Wildcard strings as EventBridge reads them: `*` stands for any run of characters (including
 * none), `\*` is a literal asterisk and `\\` a literal backslash. Two `*` in a row and a backslash
 * before any other character are rejected ("Wildcard matching", Content filtering in Amazon
 * EventBridge event patterns).
 */

/** Why a wildcard string is rejected, or undefined when EventBridge accepts it. */
export function wildcardProblem(wildcard: string): string | undefined {
  for (let i = 0; i < wildcard.length; i++) {
    const char = wildcard[i];
    if (char === "\\") {
      const next = wildcard[i + 1];
      if (next !== "*" && next !== "\\") {
        return 'has a backslash that escapes neither "*" nor "\\"';
      }
      i++;
    } else if (char === "*" && wildcard[i + 1] === "*") {
      return 'has consecutive "*" characters';
    }
  }
  return undefined;
}

/** Translates an accepted wildcard string into an anchored regular expression. */
export function wildcardToRegExp(wildcard: string): RegExp {
  let source = "";
  for (let i = 0; i < wildcard.length; i++) {
    const char = wildcard[i];
    if (char === "\\" && i + 1 < wildcard.length) {
      source += escapeRegExp(wildcard[i + 1]);
      i++;
    } else if (char === "*") {
      source += "[\\s\\S]*";
    } else {
      source += escapeRegExp(char);
    }
  }
  return new RegExp(`^${source}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** True when `value` matches the wildcard string (case-sensitive, whole string). */
export function matchesWildcard(wildcard: string, value: string): boolean {
  return wildcardToRegExp(wildcard).test(value);
}
