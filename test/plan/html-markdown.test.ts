import { expect } from "chai";
import { inline, renderMarkdown } from "../../tools/plan/html-markdown";

describe("plan page: the text widgets' markdown renderer", () => {
  it("renders headings, paragraphs and lists", () => {
    const markdown = [
      "# KMS monitoring: prod",
      "",
      "Stack region us-east-1.",
      "Second line of the same paragraph.",
      "",
      "- **Whole account**: events",
      "* *Runbook* below",
      "",
      "1. first",
      "2. second",
      "### Keys",
    ].join("\n");
    expect(renderMarkdown(markdown)).to.equal(
      [
        "<h1>KMS monitoring: prod</h1>",
        "<p>Stack region us-east-1. Second line of the same paragraph.</p>",
        "<ul><li><strong>Whole account</strong>: events</li><li><em>Runbook</em> below</li></ul>",
        "<ol><li>first</li><li>second</li></ol>",
        "<h3>Keys</h3>",
      ].join("\n"),
    );
  });

  it("renders a table, with escaped pipes and code in its cells", () => {
    const markdown = [
      "## What to do",
      "",
      "| Alert | Severity | First action |",
      "| --- | --- | --- |",
      "| Key disabled | critical | Run `aws kms enable-key --key-id <key>` |",
      "| A \\| B | info | - |",
    ].join("\n");
    expect(renderMarkdown(markdown)).to.equal(
      "<h2>What to do</h2>\n" +
        "<table><thead><tr><th>Alert</th><th>Severity</th><th>First action</th></tr></thead>" +
        "<tbody><tr><td>Key disabled</td><td>critical</td>" +
        "<td>Run <code>aws kms enable-key --key-id &lt;key&gt;</code></td></tr>" +
        "<tr><td>A | B</td><td>info</td><td>-</td></tr></tbody></table>",
    );
  });

  it("renders a paragraph straight above a table as a paragraph, then the table", () => {
    expect(renderMarkdown("Keys:\n| a | b |\n|---|---|\n| 1 | 2 |")).to.equal(
      "<p>Keys:</p>\n<table><thead><tr><th>a</th><th>b</th></tr></thead>" +
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
    );
  });

  it("links to http(s) and mailto addresses only", () => {
    expect(
      inline(
        "[Alarms](https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1&a=1#alarmsV2:)",
      ),
    ).to.equal(
      '<a href="https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1&amp;a=1#alarmsV2:" ' +
        'rel="noopener noreferrer">Alarms</a>',
    );
    expect(inline("[mail](mailto:kms@example.com)")).to.equal(
      '<a href="mailto:kms@example.com" rel="noopener noreferrer">mail</a>',
    );
    expect(inline("[click](javascript:alert)")).to.equal("click");
    expect(inline("[x](data:text/html;base64,PHNjcmlwdD4=)")).to.equal("x");
    expect(inline('[x](https://e.com/"onclick=)')).to.equal("x");
  });

  it("escapes HTML everywhere: text, code, headings, link text", () => {
    expect(renderMarkdown("# <b>bold</b>")).to.equal("<h1>&lt;b&gt;bold&lt;/b&gt;</h1>");
    expect(renderMarkdown('<script>alert("x")</script>')).to.equal(
      "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>",
    );
    expect(inline("`<img src=x>` & 'q'")).to.equal(
      "<code>&lt;img src=x&gt;</code> &amp; &#39;q&#39;",
    );
    expect(inline("[<i>a</i>](https://e.com)")).to.equal(
      '<a href="https://e.com" rel="noopener noreferrer">&lt;i&gt;a&lt;/i&gt;</a>',
    );
  });

  it("keeps underscores in names and unmatched marks as text", () => {
    expect(inline("kmsmon_prod_alarm and 2 * 3 and **open")).to.equal(
      "kmsmon_prod_alarm and 2 * 3 and **open",
    );
    expect(inline("__strong__ and \\*literal\\*")).to.equal(
      "<strong>strong</strong> and *literal*",
    );
  });

  it("renders code blocks verbatim and horizontal rules", () => {
    expect(renderMarkdown("```\naws kms list-keys | head\n# not a heading\n```\n---")).to.equal(
      "<pre><code>aws kms list-keys | head\n# not a heading</code></pre>\n<hr>",
    );
  });
});
