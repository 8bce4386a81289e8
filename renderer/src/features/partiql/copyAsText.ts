/** The "Copy as" menus' entries: a label and the text it produces. */
import type { StagedChange } from '../../../../shared/changes/types';
import { changeCliCommand, changeStatement } from '../../../../shared/copyAs/changes';
import { cliCommand, jsSnippet, partiqlSelect, pythonSnippet } from '../../../../shared/copyAs/query';
import { parametersText } from '../../../../shared/partiql/params';
import type { BuiltRequest } from '../../../../shared/query';

export interface CopyChoice {
  label: string;
  text(): string;
}

/** The query or scan Run would send, in four forms. */
export function queryChoices(built: BuiltRequest, sortKey?: string): CopyChoice[] {
  return [
    { label: 'AWS CLI command', text: () => cliCommand(built) },
    { label: 'JavaScript (SDK v3)', text: () => jsSnippet(built) },
    { label: 'Python (boto3)', text: () => pythonSnippet(built) },
    {
      label: 'PartiQL statement',
      text: () => {
        const p = partiqlSelect(built, sortKey);
        return p.parameters.length > 0 ? `${p.statement}\n\n-- parameters\n${parametersText(p.parameters)}` : p.statement;
      },
    },
  ];
}

/** Staged changes as PartiQL statements (with their parameters) or as AWS CLI commands. */
export function changeChoices(changes: readonly StagedChange[]): CopyChoice[] {
  return [
    {
      label: 'PartiQL statements',
      text: () =>
        changes
          .map((c) => {
            const s = changeStatement(c);
            return `${s.statement};\n-- parameters: ${parametersText(s.parameters) || '[]'}`;
          })
          .join('\n\n'),
    },
    { label: 'AWS CLI commands', text: () => changes.map(changeCliCommand).join('\n') },
  ];
}
