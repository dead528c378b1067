/**
 * `/ceu log` with too little to log (no amount, or no unit) opens the form with everything the
 * member did type already in it, so they add only what is missing and lose nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSlashCommand, makeViewSubmission, postInteraction, postSlashCommand } from '../../fakes/slack-requests.js';
import type { SlackStateValues } from '../../fakes/slack-interaction-payloads.js';
import { SIGNING_SECRET, startSlackUnderTest, textOf, type SlackUnderTest } from './slack-under-test.js';

let s: SlackUnderTest;
beforeEach(async () => {
  s = await startSlackUnderTest();
});
afterEach(async () => {
  await s.close();
});

type Option = { text: { text: string }; value: string };
type Element = {
  type: string;
  initial_value?: string;
  initial_date?: string;
  initial_option?: Option;
  initial_options?: Option[];
  options?: Option[];
  max_length?: number;
};
type OpenedView = { blocks: Array<{ block_id: string; element: Element }> };

/** `/ceu <text>`: the ack, and the form Slack was asked to open. */
async function openWith(text: string): Promise<{ ack: string; fields: Record<string, Element> }> {
  const since = s.fake.mark();
  const ack = await postSlashCommand(s.url, SIGNING_SECRET, makeSlashCommand(s.fake, text));
  const opened = await s.fake.waitForCallSince(since, 'views.open');
  const view = opened.body.view as OpenedView;
  return { ack: ack.text, fields: Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element])) };
}

/** What Slack shows filled in: a value, a date, a chosen option, ticked boxes (Slack refuses an initial option that is not one of the options). */
function filledIn(fields: Record<string, Element>): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const [name, element] of Object.entries(fields)) {
    const values = element.options?.map((o) => o.value) ?? [];
    if (element.initial_option) {
      expect(values).toContain(element.initial_option.value);
      shown[name] = element.initial_option.value;
    }
    if (element.initial_options) {
      for (const option of element.initial_options) expect(element.options).toContainEqual(option);
      shown[name] = element.initial_options.map((o) => o.value);
    }
    if (element.initial_value !== undefined) {
      if (element.max_length !== undefined) expect(element.initial_value.length).toBeLessThanOrEqual(element.max_length);
      shown[name] = element.initial_value;
    }
    if (element.initial_date !== undefined) shown[name] = element.initial_date;
  }
  return shown;
}

/** The form sent as the member left it: its initial values, plus what they chose (`chosen`, by block). */
function sentAsFilled(fields: Record<string, Element>, chosen: Record<string, string>): SlackStateValues {
  const state: SlackStateValues = {};
  for (const [name, element] of Object.entries(fields)) {
    const value = chosen[name];
    if (element.type === 'static_select') state[name] = { value: { type: element.type, selected_option: value ? { value } : element.initial_option ? { value: element.initial_option.value } : null } };
    else if (element.type === 'datepicker') state[name] = { value: { type: element.type, selected_date: element.initial_date ?? null } };
    else if (element.type === 'checkboxes') state[name] = { value: { type: element.type, selected_options: element.initial_options ?? [] } };
    else state[name] = { value: { type: element.type, value: value ?? element.initial_value ?? null } };
  }
  return state;
}

describe('the log form opened for a `/ceu log` with too little to log', () => {
  it('keeps the amount, category and title of a log without a unit, and leaves the unit to choose', async () => {
    const { ack, fields } = await openWith('log 2 clinical Sepsis');
    expect(ack).toBe('');
    // U0001 is in Chicago, where it is still 2026-11-24.
    expect(filledIn(fields)).toEqual({ amount: '2', category: 'clinical', title: 'Sepsis', date: '2026-11-24' });
    expect(fields.unit!.initial_option).toBeUndefined();
    expect(s.activityCount()).toBe(0);
  });

  it('keeps the category, title and provider of a log without an amount', async () => {
    const { fields } = await openWith('log clinical "Sepsis" from Relias');
    expect(filledIn(fields)).toEqual({ category: 'clinical', title: 'Sepsis', provider: 'Relias', date: '2026-11-24' });
  });

  it('keeps the date and AAMA approval too, read as the typed log reads them, and logs all of it once the unit is chosen', async () => {
    const { fields } = await openWith('log 1.5 clin "Sepsis" from Relias yesterday aama');
    expect(filledIn(fields)).toEqual({ amount: '1.5', category: 'clinical', title: 'Sepsis', provider: 'Relias', date: '2026-11-23', aama: ['yes'] });

    await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', sentAsFilled(fields, { unit: 'hours' })));
    const dm = await s.fake.waitForCall('chat.postMessage');
    expect(textOf(dm.body)).toContain('Logged #1 2026-11-23 1.5 hours clinical “Sepsis” from Relias (AAMA-approved).');
  });

  it('keeps a date ahead of today as typed, for the core to refuse on the form when it is sent', async () => {
    const { fields } = await openWith('log 2 clinical Sepsis on Dec 30');
    expect(filledIn(fields)).toMatchObject({ date: '2026-12-30' });
    const sent = await postInteraction(s.url, SIGNING_SECRET, makeViewSubmission('ceu_log_activity', sentAsFilled(fields, { unit: 'hours' })));
    expect(JSON.parse(sent.text)).toMatchObject({ response_action: 'errors', errors: { date: expect.stringContaining('2026-12-30 is in the future') } });
    expect(s.activityCount()).toBe(0);
  });

  it('reads every word of a log that starts with no number as part of the activity', async () => {
    const { fields } = await openWith('log Sepsis update from Relias on 2026-11-02 aama');
    expect(filledIn(fields)).toEqual({ title: 'Sepsis update', provider: 'Relias', date: '2026-11-02', aama: ['yes'] });
  });
});
