import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";
import { activityQuery, decodeCursor, encodeCursor, parseActivitySearch } from "./params";

describe("csv", () => {
  it("quotes what needs quoting and doubles quotes", () => {
    expect(csvRow(["plain", 'say "hi"', "a,b", "two\nlines", null, 42])).toBe(
      'plain,"say ""hi""","a,b","two\nlines",,42\r\n',
    );
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell(-5)).toBe("-5"); // our own numbers stay numbers
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("activity search params", () => {
  it("round-trip through the URL and ignore what does not parse", () => {
    const cursor = { createdAt: 1_700_000_000_123, id: "run.with.dots" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    const query = activityQuery(
      { fromDay: 20_000, toDay: 20_010, model: "sim:atlas", status: "failed" },
      cursor,
    );
    const parsed = parseActivitySearch(Object.fromEntries(new URLSearchParams(query.slice(1))));
    expect(parsed).toEqual({
      filters: { fromDay: 20_000, toDay: 20_010, model: "sim:atlas", status: "failed" },
      cursor,
    });
    expect(
      parseActivitySearch({ from: "yesterday", status: "nope", cursor: "%%%", model: "" }),
    ).toEqual({
      filters: {},
      cursor: undefined,
    });
    // Reversed dates are swapped rather than matching nothing.
    expect(parseActivitySearch({ from: "2026-02-01", to: "2026-01-01" }).filters).toMatchObject({
      fromDay: Date.parse("2026-01-01") / 86_400_000,
    });
  });
});
