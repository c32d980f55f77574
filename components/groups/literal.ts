/**
 * Free text for an EventBridge input template. EventBridge reads any `<name>` as a placeholder,
 * cannot escape `<` or `>`, and rejects a target whose template names a placeholder that is not
 * an input path, so angle brackets become single guillemets.
 */
export function literal(text: string): string {
  return text.replace(/</g, "\u2039").replace(/>/g, "\u203a");
}
