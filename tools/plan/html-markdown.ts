/**
 * A small, safe markdown renderer for the text widgets of the planned dashboards: the subset
 * CloudWatch text widgets use here (headings, paragraphs, lists, tables, links, bold, italics,
 * code, rules). All text is escaped; links keep only http(s) and mailto addresses, so the
 * markdown cannot inject markup or scripts into the page. No dependency: none in node_modules
 * renders markdown.
 */
import { escapeHtml } from "./html-text";

/** Addresses a link may point at; anything else (javascript:, data:, ...) stays plain text. */
const SAFE_HREF = /^(https?:\/\/|mailto:)[^\s"'<>`]+$/i;

/** Inline tokens, tried in this order at each position (sticky regular expressions). */
const INLINE: { re: RegExp; html: (m: RegExpExecArray) => string }[] = [
  { re: /\\([\\`*_{}[\]()#+\-.!|])/y, html: (m) => escapeHtml(m[1]) },
  { re: /(`+)(.+?)\1(?!`)/y, html: (m) => `<code>${escapeHtml(m[2].trim())}</code>` },
  {
    re: /\[([^\]]+)\]\(([^()\s]+)\)/y,
    html: (m) =>
      SAFE_HREF.test(m[2])
        ? `<a href="${escapeHtml(m[2])}" rel="noopener noreferrer">${inline(m[1])}</a>`
        : inline(m[1]),
  },
  { re: /\*\*(?=\S)(.+?)(?<=\S)\*\*/y, html: (m) => `<strong>${inline(m[1])}</strong>` },
  { re: /__(?=\S)(.+?)(?<=\S)__/y, html: (m) => `<strong>${inline(m[1])}</strong>` },
  { re: /\*(?=\S)(.+?)(?<=\S)\*/y, html: (m) => `<em>${inline(m[1])}</em>` },
];

/** Markdown inline text as HTML: code spans, links, bold and italics; the rest escaped. */
export function inline(text: string): string {
  let out = "";
  let plain = "";
  let i = 0;
  outer: while (i < text.length) {
    for (const { re, html } of INLINE) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        i = re.lastIndex; // before html(m): rendering recurses and reuses the expressions
        out += escapeHtml(plain) + html(m);
        plain = "";
        continue outer;
      }
    }
    plain += text[i++];
  }
  return out + escapeHtml(plain);
}

/** Cells of a table row, split on pipes that are not escaped (`\|` stays in its cell). */
function cells(line: string): string[] {
  const parts = line.trim().split(/(?<!\\)\|/);
  if (parts[0].trim() === "") parts.shift();
  if (parts.length > 0 && parts[parts.length - 1].trim() === "") parts.pop();
  return parts.map((c) => c.trim());
}

const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s*```/;

function table(lines: string[]): string {
  const head = cells(lines[0]).map((c) => `<th>${inline(c)}</th>`);
  const rows = lines.slice(2).map(
    (l) =>
      `<tr>${cells(l)
        .map((c) => `<td>${inline(c)}</td>`)
        .join("")}</tr>`,
  );
  return `<table><thead><tr>${head.join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** Consecutive lines from `start` that satisfy `test`. */
function run(
  lines: string[],
  start: number,
  test: (line: string, index: number) => boolean,
): string[] {
  let end = start;
  while (end < lines.length && test(lines[end], end)) end++;
  return lines.slice(start, end);
}

const isBlank = (l: string) => l.trim() === "";
/** True when line `i` starts a table: a row with pipes over a rule such as `| --- |`. */
const startsTable = (lines: string[], i: number) =>
  lines[i].includes("|") && TABLE_RULE.test(lines[i + 1] ?? "");
/** True when line `i` starts a block other than a paragraph. */
const startsBlock = (lines: string[], i: number) =>
  [HEADING, BULLET, NUMBERED, RULE, FENCE].some((re) => re.test(lines[i])) || startsTable(lines, i);

/** Markdown as HTML blocks (one per line of output). Pure and deterministic. */
export function renderMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const heading = HEADING.exec(line);
    if (isBlank(line)) {
      i++;
    } else if (FENCE.test(line)) {
      const body = run(lines, i + 1, (l) => !FENCE.test(l));
      out.push(`<pre><code>${escapeHtml(body.join("\n"))}</code></pre>`);
      i += body.length + 2;
    } else if (heading) {
      const level = heading[1].length;
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
      i++;
    } else if (startsTable(lines, i)) {
      const rows = run(lines, i, (l) => l.includes("|") && !isBlank(l));
      out.push(table(rows));
      i += rows.length;
    } else if (RULE.test(line)) {
      out.push("<hr>");
      i++;
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const re = BULLET.test(line) ? BULLET : NUMBERED;
      const items = run(lines, i, (l) => re.test(l));
      const tag = re === BULLET ? "ul" : "ol";
      const lis = items.map((l) => `<li>${inline((re.exec(l) as RegExpExecArray)[1])}</li>`);
      out.push(`<${tag}>${lis.join("")}</${tag}>`);
      i += items.length;
    } else {
      const para = [line, ...run(lines, i + 1, (l, j) => !isBlank(l) && !startsBlock(lines, j))];
      out.push(`<p>${inline(para.map((l) => l.trim()).join(" "))}</p>`);
      i += para.length;
    }
  }
  return out.join("\n");
}
