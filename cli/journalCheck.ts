/**
 * `apply --resume` checks its journal as the app does before anything is sent: every line against
 * the journal schemas, the plan against the sha256 written with it, and the connection it was
 * planned for against the one given now. A journal that fails any of them is refused (exit 1).
 */
import { JournalInvalidError, loadJournal } from '../server/commitEngine/journal';
import { SetupError, type Target } from './connect';

/**
 * The CLI's connection as a journal names it: endpoint (or AWS), region and profile. Resuming with
 * other settings would send the plan somewhere it was not made for.
 */
export function cliConnectionId(t: Target, region: string): string {
  const where = t.endpoint ? `endpoint ${t.endpoint}` : 'AWS';
  return `cli: ${where}, region ${region}, profile ${t.profile ?? '(default credentials)'}`;
}

export async function verifyCliJournal(file: string, connectionId: string): Promise<void> {
  const refuse = (why: string) =>
    new SetupError(`refusing to resume ${file}: ${why}. Nothing was sent.`);
  let journal;
  try {
    journal = await loadJournal(file);
  } catch (err) {
    if (err instanceof JournalInvalidError) throw refuse(`it is not valid (${err.message})`);
    throw refuse(`it cannot be read (${(err as Error).message})`);
  }
  const changed = (why: string) => refuse(`it was changed after it was written (${why})`);
  if (journal.integrity === 'unsigned') throw changed('its plan carries no hash');
  if (journal.integrity === 'changed')
    throw changed('its plan no longer matches the sha256 written with it');
  const planned = journal.header.connectionId;
  if (planned === undefined) throw refuse('it names no connection');
  if (!planned.startsWith('cli: '))
    throw refuse(`it was planned in the app (connection ${planned}); resume it there`);
  if (planned !== connectionId)
    throw refuse(`it was planned for "${planned.slice(5)}", not "${connectionId.slice(5)}"; resume it with the same --endpoint, --region and --profile`);
}
