import { describe, expect, it } from 'vitest';
import { isDirectChannel } from '../../../src/adapters/slack/to-command-request.js';

describe('isDirectChannel', () => {
  it.each([
    [{ id: 'D01ACC2E8S3', name: 'directmessage' }, true],
    // Interactions in a DM name the channel; other payloads carry its id alone.
    [{ id: 'D01ACC2E8S3' }, true],
    [{ id: 'C0001', name: 'ceu-tracking' }, false],
    [{ id: 'G0001', name: 'mpdm-alex--sam-1' }, false],
  ])('reads %j as direct: %s', (channel, direct) => {
    expect(isDirectChannel(channel)).toBe(direct);
  });
});
