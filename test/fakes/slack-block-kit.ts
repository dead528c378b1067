/**
 * Slack's Block Kit limits, checked the way Slack checks them: each problem is one line naming the
 * limit and a JSON pointer, worded as Slack words it ("no more than 50 items allowed
 * [json-pointer:/blocks]", "must be less than 3001 characters [json-pointer:/blocks/0/text/text]").
 * Limits from docs.slack.dev/reference/block-kit (blocks, block elements, composition objects) and
 * docs.slack.dev/reference/views; only the ones an app like ours can reach are checked.
 */
import type { SlackJson } from './read-request-body.js';

export const BLOCK_KIT_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** Slack posts the message cut at 40,000 characters, with a `message_truncated` warning. */
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  actionsElements: 25,
  contextElements: 10,
  inputLabel: 2000,
  inputHint: 2000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  checkboxOptions: 10,
  placeholder: 150,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  /** A plain_text_input's max_length (and the most its initial_value may hold). */
  textInputMaxLength: 3000,
} as const;

const L = BLOCK_KIT_LIMITS;

/** Problems with a message body (chat.*, response_url, a slash command's ack). */
export function messageProblems(body: SlackJson): { errors: string[]; warnings: string[] } {
  const errors = Array.isArray(body.blocks) ? blocksProblems(body.blocks, '/blocks', L.messageBlocks) : [];
  const warnings = typeof body.text === 'string' && length(body.text) > L.messageText ? [`text is cut at ${L.messageText} characters [json-pointer:/text]`] : [];
  return { errors, warnings };
}

/** Problems with a modal or Home tab view, pointers under `pointer` (`/view` in a Web API call). */
export function viewProblems(view: unknown, pointer = '/view'): string[] {
  if (!isObject(view)) return [];
  const errors = Array.isArray(view.blocks) ? blocksProblems(view.blocks, `${pointer}/blocks`, L.viewBlocks) : [];
  errors.push(...textTooLong(view.title, `${pointer}/title`, L.modalTitle), ...textTooLong(view.submit, `${pointer}/submit`, L.modalButton), ...textTooLong(view.close, `${pointer}/close`, L.modalButton));
  errors.push(...tooLong(view.private_metadata, `${pointer}/private_metadata`, L.privateMetadata), ...tooLong(view.callback_id, `${pointer}/callback_id`, L.callbackId));
  return errors;
}

/**
 * Every problem Slack would have with an ack body: a view for `response_action: update|push`,
 * nothing to check for `errors`/`clear`, otherwise a message (a slash command's reply).
 */
export function blockKitProblems(body: unknown): string[] {
  if (!isObject(body)) return [];
  if ('response_action' in body) return body.response_action === 'update' || body.response_action === 'push' ? viewProblems(body.view) : [];
  const { errors, warnings } = messageProblems(body);
  return [...errors, ...warnings];
}

/** Throws, listing every problem, when Slack would refuse (or cut) this ack body. */
export function assertBlockKit(body: unknown): void {
  const problems = blockKitProblems(body);
  if (problems.length > 0) throw new Error(`Slack would not take this Block Kit body:\n  ${problems.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 2000)}`);
}

function blocksProblems(blocks: unknown[], pointer: string, max: number): string[] {
  const errors = blocks.length > max ? [`no more than ${max} items allowed [json-pointer:${pointer}]`] : [];
  blocks.forEach((block, i) => errors.push(...blockProblems(block, `${pointer}/${i}`)));
  return errors;
}

function blockProblems(block: unknown, at: string): string[] {
  if (!isObject(block)) return [];
  const errors = tooLong(block.block_id, `${at}/block_id`, L.blockId);
  switch (block.type) {
    case 'section':
      errors.push(...textTooLong(block.text, `${at}/text`, L.sectionText));
      if (Array.isArray(block.fields)) {
        errors.push(...tooMany(block.fields, `${at}/fields`, L.sectionFields));
        block.fields.forEach((field, i) => errors.push(...textTooLong(field, `${at}/fields/${i}`, L.sectionFieldText)));
      }
      errors.push(...elementProblems(block.accessory, `${at}/accessory`));
      break;
    case 'header':
      errors.push(...textTooLong(block.text, `${at}/text`, L.headerText), ...emptyText(block.text, `${at}/text`));
      break;
    case 'actions':
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      errors.push(...tooMany(elements, `${at}/elements`, block.type === 'actions' ? L.actionsElements : L.contextElements));
      elements.forEach((element, i) => errors.push(...elementProblems(element, `${at}/elements/${i}`)));
      break;
    }
    case 'input':
      errors.push(...textTooLong(block.label, `${at}/label`, L.inputLabel), ...textTooLong(block.hint, `${at}/hint`, L.inputHint), ...emptyText(block.label, `${at}/label`));
      errors.push(...elementProblems(block.element, `${at}/element`));
      break;
  }
  return errors;
}

function elementProblems(element: unknown, at: string): string[] {
  if (!isObject(element)) return [];
  const errors = [...tooLong(element.action_id, `${at}/action_id`, L.actionId), ...textTooLong(element.placeholder, `${at}/placeholder`, L.placeholder)];
  if (element.type === 'button') errors.push(...textTooLong(element.text, `${at}/text`, L.buttonText), ...tooLong(element.value, `${at}/value`, L.buttonValue));
  errors.push(...emptyText(element.text, `${at}/text`), ...initialValueProblems(element, at));
  if (Array.isArray(element.options)) {
    const max = element.type === 'checkboxes' || element.type === 'radio_buttons' ? L.checkboxOptions : L.selectOptions;
    errors.push(...tooMany(element.options, `${at}/options`, max));
    element.options.forEach((option, i) => {
      if (!isObject(option)) return;
      errors.push(...textTooLong(option.text, `${at}/options/${i}/text`, L.optionText), ...tooLong(option.value, `${at}/options/${i}/value`, L.optionValue));
    });
  }
  return errors;
}

/**
 * What Slack checks of an input's starting value: a select's initial option must be one of its
 * options (text and value alike), a text input's initial value within its max_length, a number
 * input's initial value a number within min_value..max_value (whole unless decimals are allowed),
 * a date picker's initial date a real YYYY-MM-DD day.
 */
function initialValueProblems(element: SlackJson, at: string): string[] {
  const errors: string[] = [];
  const options = Array.isArray(element.options) ? element.options : [];
  const isOption = (chosen: unknown) => options.some((option) => JSON.stringify(option) === JSON.stringify(chosen));
  if (element.initial_option !== undefined && !isOption(element.initial_option)) errors.push(`must match one of the options [json-pointer:${at}/initial_option]`);
  if (Array.isArray(element.initial_options)) {
    element.initial_options.forEach((chosen, i) => {
      if (!isOption(chosen)) errors.push(`must match one of the options [json-pointer:${at}/initial_options/${i}]`);
    });
  }
  if (element.type === 'plain_text_input') {
    const max = typeof element.max_length === 'number' ? element.max_length : L.textInputMaxLength;
    if (max > L.textInputMaxLength) errors.push(`must be no more than ${L.textInputMaxLength} [json-pointer:${at}/max_length]`);
    errors.push(...tooLong(element.initial_value, `${at}/initial_value`, max));
  }
  if (element.type === 'number_input') errors.push(...numberProblems(element, at));
  if (element.type === 'datepicker' && element.initial_date !== undefined && !isDay(element.initial_date)) errors.push(`must be a date in the format YYYY-MM-DD [json-pointer:${at}/initial_date]`);
  return errors;
}

function numberProblems(element: SlackJson, at: string): string[] {
  const read = (value: unknown) => (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined);
  const errors: string[] = [];
  for (const field of ['initial_value', 'min_value', 'max_value']) {
    if (element[field] !== undefined && read(element[field]) === undefined) errors.push(`must be a number [json-pointer:${at}/${field}]`);
  }
  const [initial, min, max] = [read(element.initial_value), read(element.min_value), read(element.max_value)];
  if (initial !== undefined && min !== undefined && initial < min) errors.push(`must be greater than or equal to min_value [json-pointer:${at}/initial_value]`);
  if (initial !== undefined && max !== undefined && initial > max) errors.push(`must be less than or equal to max_value [json-pointer:${at}/initial_value]`);
  if (min !== undefined && max !== undefined && min > max) errors.push(`must be less than or equal to max_value [json-pointer:${at}/min_value]`);
  if (element.is_decimal_allowed !== true && initial !== undefined && !Number.isInteger(initial)) errors.push(`must be a whole number [json-pointer:${at}/initial_value]`);
  return errors;
}

function isDay(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** Slack refuses a text object with nothing in it (a button or option with an empty label). */
function emptyText(object: unknown, at: string): string[] {
  return isObject(object) && object.text === '' ? [`must be more than 0 characters [json-pointer:${at}/text]`] : [];
}

function tooMany(items: unknown[], at: string, max: number): string[] {
  return items.length > max ? [`no more than ${max} items allowed [json-pointer:${at}]`] : [];
}

/** A text object's `text`. */
function textTooLong(object: unknown, at: string, max: number): string[] {
  return isObject(object) ? tooLong(object.text, `${at}/text`, max) : [];
}

function tooLong(value: unknown, at: string, max: number): string[] {
  return typeof value === 'string' && length(value) > max ? [`must be less than ${max + 1} characters [json-pointer:${at}]`] : [];
}

/** Slack's docs say "characters" without saying which: UTF-16 units are the stricter reading. */
function length(text: string): number {
  return text.length;
}

function isObject(value: unknown): value is SlackJson {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
