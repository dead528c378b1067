import { nextSnowflakeId } from './discord-ids.js';
import type { DiscordJson } from './fake-discord-messages.js';
import { discordError, type FakeDiscordState, type RestReply, type RestRequest, type RestRoute } from './fake-discord-state.js';

/** 'global' for /applications/{app}/commands, the guild id for the guild-scoped route. */
function scopeOf(request: RestRequest, state: FakeDiscordState): string | RestReply {
  if (request.params.applicationId !== state.applicationId) return discordError(403, 50001, 'Missing Access');
  const guildId = request.params.guildId;
  if (guildId === undefined) return 'global';
  return state.guilds.some((guild) => guild.id === guildId) ? guildId : discordError(403, 50001, 'Missing Access');
}

/** A bulk overwrite replaces the scope's commands; a command keeps its id across overwrites, by name. */
function overwrite(request: RestRequest, state: FakeDiscordState): RestReply {
  const scope = scopeOf(request, state);
  if (typeof scope !== 'string') return scope;
  if (!Array.isArray(request.body)) return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: { _errors: [{ code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' }] } } };
  const commands = (request.body as DiscordJson[]).map((command) => {
    const key = `${scope}:${String(command.type ?? 1)}:${String(command.name)}`;
    const id = state.commandIds.get(key) ?? nextSnowflakeId();
    state.commandIds.set(key, id);
    return {
      id,
      application_id: state.applicationId,
      version: nextSnowflakeId(),
      type: 1,
      description: '',
      default_member_permissions: null,
      nsfw: false,
      ...(scope === 'global' ? { contexts: null, integration_types: [0] } : { guild_id: scope }),
      ...command,
    };
  });
  state.commands.set(scope, commands);
  return { status: 200, body: commands };
}

function list(request: RestRequest, state: FakeDiscordState): RestReply {
  const scope = scopeOf(request, state);
  return typeof scope === 'string' ? { status: 200, body: state.commands.get(scope) ?? [] } : scope;
}

export const commandRoutes: RestRoute[] = [
  { method: 'PUT', path: '/applications/:applicationId/commands', auth: true, handle: overwrite },
  { method: 'GET', path: '/applications/:applicationId/commands', auth: true, handle: list },
  { method: 'PUT', path: '/applications/:applicationId/guilds/:guildId/commands', auth: true, handle: overwrite },
  { method: 'GET', path: '/applications/:applicationId/guilds/:guildId/commands', auth: true, handle: list },
];
