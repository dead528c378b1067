import type { SlackStateValues } from './slack-interaction-payloads.js';

const input = (value: string) => ({ value: { type: 'plain_text_input', value } });
const select = (value: string) => ({ value: { type: 'static_select', selected_option: { value } } });

/**
 * `view.state.values` of a filled-in "Log an activity" modal (block ids are the `log` options,
 * action id `value`): 2 clinical hours of "Phlebotomy basics" from Relias on 2026-11-01, AAMA-approved.
 */
export function makeLogFormValues(overrides: SlackStateValues = {}): SlackStateValues {
  return {
    amount: { value: { type: 'number_input', value: '2' } },
    unit: select('hours'),
    category: select('clinical'),
    title: input('Phlebotomy basics'),
    provider: input('Relias'),
    date: { value: { type: 'datepicker', selected_date: '2026-11-01' } },
    aama: { value: { type: 'checkboxes', selected_options: [{ value: 'yes' }] } },
    ...overrides,
  };
}
