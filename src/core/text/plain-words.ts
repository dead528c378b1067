import { quotedSpans } from './tokenize.js';

/** The words without the punctuation between them; a quoted title keeps its own ("Sepsis, shock and fluids"). */
export function plainWords(text: string): string {
  const unpunctuated = (words: string) => words.replace(/[?!.,]+(\s|$)/g, ' ');
  let kept = '';
  let at = 0;
  for (const span of quotedSpans(text)) {
    kept += `${unpunctuated(text.slice(at, span.from))}${text.slice(span.from, span.to)}`;
    at = span.to;
  }
  return `${kept}${unpunctuated(text.slice(at))}`.replace(/\s+/g, ' ').trim();
}
