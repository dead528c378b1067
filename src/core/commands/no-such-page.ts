import { problem, type Problem } from '../reply.js';

/** A page past the last (`history page 99`): said, not answered with another page. */
export function noSuchPage(asked: number, pages: number, command: string): Problem {
  const last = pages === 1 ? `\`${command}\` shows it` : `\`${command} page ${pages}\` shows the last`;
  return problem('no-such-page', `There ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}, so no page ${asked}: ${last}.`);
}
