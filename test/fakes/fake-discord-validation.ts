import type { DiscordJson } from './fake-discord-messages.js';

/**
 * The limits Discord enforces on what a bot sends, answered the way Discord answers them: 400 with
 * code 50035 and an `errors` tree keyed by the offending field's path
 * (https://discord.com/developers/docs/reference#error-messages). Numbers from
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits and the
 * component and interaction-response reference pages.
 */
export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: DiscordJson;
}

type Problem = { path: Array<string | number>; code: string; message: string };

const maxLength = (path: Array<string | number>, limit: number): Problem => ({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${limit} or fewer in length.` });

function tooLong(value: unknown, limit: number): boolean {
  return (typeof value === 'string' || Array.isArray(value)) && value.length > limit;
}

function asList(value: unknown): DiscordJson[] {
  return Array.isArray(value) ? (value as DiscordJson[]) : [];
}

function embedProblems(embeds: unknown): Problem[] {
  const problems: Problem[] = [];
  if (tooLong(embeds, 10)) problems.push(maxLength(['embeds'], 10));
  let total = 0;
  for (const [index, embed] of asList(embeds).entries()) {
    const fields = asList(embed.fields);
    const footer = (embed.footer ?? {}) as DiscordJson;
    const author = (embed.author ?? {}) as DiscordJson;
    const texts: Array<[Array<string | number>, unknown, number]> = [
      [['title'], embed.title, 256],
      [['description'], embed.description, 4096],
      [['footer', 'text'], footer.text, 2048],
      [['author', 'name'], author.name, 256],
      ...fields.flatMap((field, at): Array<[Array<string | number>, unknown, number]> => [
        [['fields', at, 'name'], field.name, 256],
        [['fields', at, 'value'], field.value, 1024],
      ]),
    ];
    for (const [path, text, limit] of texts) {
      if (typeof text === 'string') total += text.length;
      if (tooLong(text, limit)) problems.push(maxLength(['embeds', index, ...path], limit));
    }
    if (fields.length > 25) problems.push(maxLength(['embeds', index, 'fields'], 25));
  }
  if (total > 6000) problems.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  return problems;
}

function componentProblems(components: unknown, path: Array<string | number> = ['components']): Problem[] {
  const problems: Problem[] = [];
  const rows = asList(components);
  if (path.length === 1 && rows.length > 5 && rows.every((row) => row.type === 1)) problems.push(maxLength(path, 5));
  for (const [index, component] of rows.entries()) {
    if (tooLong(component.custom_id, 100)) problems.push(maxLength([...path, index, 'custom_id'], 100));
    if (tooLong(component.label, 80)) problems.push(maxLength([...path, index, 'label'], 80));
    if (component.type === 1 && tooLong(component.components, 5)) problems.push(maxLength([...path, index, 'components'], 5));
    problems.push(...componentProblems(component.components, [...path, index, 'components']));
    if (component.component) problems.push(...componentProblems([component.component], [...path, index, 'component']));
  }
  return problems;
}

/** Discord refuses a message or modal in which two components share a custom_id. */
function duplicateCustomIds(components: unknown, path: Array<string | number> = ['components'], seen = new Set<string>()): Problem[] {
  const problems: Problem[] = [];
  for (const [index, component] of asList(components).entries()) {
    const at = [...path, index];
    if (typeof component.custom_id === 'string') {
      if (seen.has(component.custom_id)) problems.push({ path: [...at, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
      seen.add(component.custom_id);
    }
    problems.push(...duplicateCustomIds(component.components, [...at, 'components'], seen));
    if (component.component) problems.push(...duplicateCustomIds([component.component], [...at, 'component'], seen));
  }
  return problems;
}

/** A modal's text inputs: a 45-character label, 100-character placeholder, and a prefilled value within max_length (at most 4,000). */
function textInputProblems(components: unknown, path: Array<string | number> = ['components']): Problem[] {
  const problems: Problem[] = [];
  for (const [index, component] of asList(components).entries()) {
    const at = [...path, index];
    if (component.type === 4) {
      const maxValue = Math.min(4000, typeof component.max_length === 'number' ? component.max_length : 4000);
      if (tooLong(component.label, 45)) problems.push(maxLength([...at, 'label'], 45));
      if (tooLong(component.placeholder, 100)) problems.push(maxLength([...at, 'placeholder'], 100));
      if (tooLong(component.value, maxValue)) problems.push({ path: [...at, 'value'], code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 0 and ${maxValue} in length.` });
    }
    problems.push(...textInputProblems(component.components, [...at, 'components']));
    if (component.component) problems.push(...textInputProblems([component.component], [...at, 'component']));
  }
  return problems;
}

/** Problems with a message body (channel post, interaction reply, follow-up or edit). */
export function messageProblems(body: DiscordJson): Problem[] {
  return [
    ...(tooLong(body.content, 2000) ? [maxLength(['content'], 2000)] : []),
    ...embedProblems(body.embeds),
    ...componentProblems(body.components),
    ...duplicateCustomIds(body.components),
  ];
}

/** An autocomplete choice: a 1-100 character name, and a value of at most 100 characters when a string. */
function choiceProblems(choice: DiscordJson, index: number): Problem[] {
  return [
    ...(tooLong(choice.name, 100) ? [maxLength(['choices', index, 'name'], 100)] : []),
    ...(choice.name === '' ? [{ path: ['choices', index, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] : []),
    ...(tooLong(choice.value, 100) ? [maxLength(['choices', index, 'value'], 100)] : []),
  ];
}

/** An interaction callback's `data`, checked by callback type. */
export function callbackProblems(type: number, data: DiscordJson): Problem[] {
  const prefix = (problems: Problem[]): Problem[] => problems.map((problem) => ({ ...problem, path: ['data', ...problem.path] }));
  if (type === 8) {
    const choices = asList(data.choices);
    return prefix([
      ...(choices.length > 25 ? [maxLength(['choices'], 25)] : []),
      ...choices.flatMap(choiceProblems),
    ]);
  }
  if (type === 9) {
    return prefix([
      ...(tooLong(data.title, 45) ? [maxLength(['title'], 45)] : []),
      ...(tooLong(data.custom_id, 100) ? [maxLength(['custom_id'], 100)] : []),
      ...(tooLong(data.components, 5) ? [maxLength(['components'], 5)] : []),
      ...componentProblems(data.components).filter((problem) => problem.path.length > 1),
      ...textInputProblems(data.components),
      ...duplicateCustomIds(data.components),
    ]);
  }
  return prefix(messageProblems(data));
}

export function isEmptyMessage(body: DiscordJson, fileCount: number): boolean {
  const hasContent = typeof body.content === 'string' && body.content.length > 0;
  return !hasContent && asList(body.embeds).length === 0 && asList(body.components).length === 0 && fileCount === 0 && !body.sticker_ids && !body.poll;
}

export function invalidFormBody(problems: Problem[]): DiscordErrorBody {
  const errors: DiscordJson = {};
  for (const problem of problems) {
    let node = errors;
    for (const key of problem.path) node = (node[String(key)] ??= {}) as DiscordJson;
    ((node._errors ??= []) as unknown[]).push({ code: problem.code, message: problem.message });
  }
  return { message: 'Invalid Form Body', code: 50035, errors };
}

export const EMPTY_MESSAGE: DiscordErrorBody = { message: 'Cannot send an empty message', code: 50006 };
