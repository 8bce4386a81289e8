import {
  credentialsEndpointRisk,
  type SaveConnectionInput,
} from '../../../../shared/contract/connections';
import type { ConnectionDraft } from './connectionDraft';

/** Why this draft needs the user's word before its profile's credentials go to its endpoint. */
export function draftCredentialsRisk(draft: ConnectionDraft): string | undefined {
  if (draft.kind !== 'endpoint' || !draft.profile) return undefined;
  return credentialsEndpointRisk(draft.endpoint);
}

/** The input with the user's confirmation attached, when given (the backend refuses without it). */
export function withConfirmation(
  input: SaveConnectionInput,
  confirmed: boolean,
): SaveConnectionInput {
  if (!confirmed || input.kind !== 'endpoint') return input;
  return { ...input, confirmCredentialsTo: input.endpoint };
}

/**
 * A warning and a checkbox, shown when a profile's keys would be sent to a non-AWS or plain-http
 * endpoint: testing or saving the connection needs the box ticked.
 */
export function CredentialsRiskField(props: {
  draft: ConnectionDraft;
  confirmed: boolean;
  onChange(confirmed: boolean): void;
}) {
  const risk = draftCredentialsRisk(props.draft);
  if (!risk) return null;
  return (
    <div className="conn-field" role="group" aria-label="Credentials warning">
      <p role="alert" className="conn-field-error">
        Requests to this endpoint are signed with profile “{props.draft.profile}”: {risk}.
      </p>
      <label>
        <input
          type="checkbox"
          checked={props.confirmed}
          onChange={(e) => props.onChange(e.target.checked)}
        />{' '}
        Send this profile’s credentials to {props.draft.endpoint.trim()}
      </label>
    </div>
  );
}
