/**
 * The fake Slack refuses a form the way Slack does when an input's starting value does not fit
 * the input (a select's initial option not among its options, a text longer than its max_length,
 * a number under its min_value, a date that is no day): the log form `/ceu log …` opens filled
 * in with what a member typed, and every test that opens it is checked against all of it.
 */
import { LogLevel, WebClient, type Logger, type WebAPIPlatformError } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackUnderTest, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, setLevel: () => undefined, getLevel: () => LogLevel.ERROR, setName: () => undefined };
const option = (text: string) => ({ text: { type: 'plain_text' as const, text }, value: text });
const input = (blockId: string, element: object) => ({ type: 'input' as const, block_id: blockId, label: { type: 'plain_text' as const, text: blockId }, element: { action_id: 'value', ...element } });

async function openForm(blocks: object[]): Promise<string[]> {
  const client = new WebClient('xoxb-test', { slackApiUrl: s.fake.apiUrl, retryConfig: { retries: 0 }, logger: quiet });
  const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Log an activity' }, blocks } as never;
  try {
    await client.views.open({ trigger_id: '1.2.3', view });
    return [];
  } catch (error) {
    s.fake.takeBlockKitViolations();
    return ((error as WebAPIPlatformError).data.response_metadata?.messages ?? []) as string[];
  }
}

describe('the fake Slack checks a form input’s starting value', () => {
  it('refuses an initial option that is not one of the options', async () => {
    const select = { type: 'static_select', options: [option('clinical'), option('general')] };
    expect(await openForm([input('category', { ...select, initial_option: option('clinical') })])).toEqual([]);
    expect(await openForm([input('category', { ...select, initial_option: option('clin') })])).toEqual(['[ERROR] must match one of the options [json-pointer:/view/blocks/0/element/initial_option]']);
  });

  it('refuses an initial text longer than the max_length, a number under min_value, and a day that does not exist', async () => {
    const problems = await openForm([
      input('title', { type: 'plain_text_input', max_length: 5, initial_value: 'Sepsis' }),
      input('amount', { type: 'number_input', is_decimal_allowed: true, min_value: '0.01', initial_value: '0' }),
      input('hours', { type: 'number_input', is_decimal_allowed: false, initial_value: '1.5' }),
      input('date', { type: 'datepicker', initial_date: '2026-02-30' }),
    ]);
    expect(problems).toEqual([
      '[ERROR] must be less than 6 characters [json-pointer:/view/blocks/0/element/initial_value]',
      '[ERROR] must be greater than or equal to min_value [json-pointer:/view/blocks/1/element/initial_value]',
      '[ERROR] must be a whole number [json-pointer:/view/blocks/2/element/initial_value]',
      '[ERROR] must be a date in the format YYYY-MM-DD [json-pointer:/view/blocks/3/element/initial_date]',
    ]);
  });

});
