/**
 * Lines split into pages that each reach every platform whole: at most `maxLines` a page and at
 * most `maxChars` characters, counting the bullet and line break a platform adds to each line.
 * Discord cuts the middle out of a message past 6,000 characters, so a page of long lines ends
 * sooner. A line longer than `maxChars` alone has a page of its own; there is always one page.
 */
export function intoPages(lines: readonly string[], maxLines: number, maxChars: number): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let chars = 0;
  for (const line of lines) {
    if (page.length === maxLines || (page.length > 0 && chars + line.length > maxChars)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(line);
    chars += line.length + 3;
  }
  pages.push(page);
  return pages;
}
