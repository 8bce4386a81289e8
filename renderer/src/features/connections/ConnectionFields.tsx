import type { ReactNode } from 'react';
import type { AuthKind, ProfileInfo } from '../../../../shared/contract/connections';
import {
  withEndpoint,
  withProfile,
  type ConnectionDraft,
  type FieldErrors,
} from './connectionDraft';
import { COMMON_REGIONS } from './regions';

export interface FieldsProps {
  draft: ConnectionDraft;
  profiles: ProfileInfo[];
  errors: FieldErrors;
  onChange(draft: ConnectionDraft): void;
}

const AUTH_LABELS: Record<AuthKind, string> = {
  static: 'access keys',
  sso: 'SSO',
  process: 'credential process',
  assumeRole: 'assume role',
  webIdentity: 'web identity',
  credentialSource: 'credential source',
  login: 'console login',
  none: 'no credentials',
};

/** A labelled control with its hint and error, tied together for screen readers. */
function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="conn-field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint && (
        <span id={`${props.id}-hint`} className="muted small">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={`${props.id}-error`} className="conn-field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

const describedBy = (id: string, error?: string, hint?: boolean) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function KindField({ draft, profiles, onChange }: FieldsProps) {
  const pick = (kind: ConnectionDraft['kind']) => {
    if (kind === draft.kind) return;
    // An endpoint starts without a profile: its keys come from the environment unless one is chosen.
    if (kind === 'endpoint') return onChange({ ...draft, kind, profile: '' });
    onChange(withProfile({ ...draft, kind }, profiles[0]));
  };
  return (
    <fieldset className="conn-kind">
      <legend>Connection type</legend>
      <label>
        <input
          type="radio"
          name="kind"
          checked={draft.kind === 'profile'}
          onChange={() => pick('profile')}
        />
        AWS profile
      </label>
      <label>
        <input
          type="radio"
          name="kind"
          checked={draft.kind === 'endpoint'}
          onChange={() => pick('endpoint')}
        />
        Custom endpoint
      </label>
    </fieldset>
  );
}

/** The profile to connect with; for endpoints, optional: without one, environment or dummy keys. */
export function ProfileField({ draft, profiles, errors, onChange }: FieldsProps) {
  const forEndpoint = draft.kind === 'endpoint';
  const id = 'connection-profile';
  const hint =
    profiles.length === 0 && !forEndpoint
      ? 'No profiles found in the shared AWS config files.'
      : undefined;
  return (
    <Field
      id={id}
      label={forEndpoint ? 'Credentials' : 'Profile'}
      error={errors.profile}
      hint={hint}
    >
      <select
        id={id}
        value={draft.profile}
        aria-invalid={errors.profile ? true : undefined}
        aria-describedby={describedBy(id, errors.profile, Boolean(hint))}
        onChange={(e) =>
          onChange(
            withProfile(
              draft,
              profiles.find((p) => p.name === e.target.value),
            ),
          )
        }
      >
        {forEndpoint ? (
          <option value="">Environment keys, else dummy local keys</option>
        ) : (
          <option value="" disabled>
            Choose a profile
          </option>
        )}
        {profiles.map((p) => (
          <option key={p.name} value={p.name}>
            {forEndpoint ? `Profile ${p.name}` : p.name} ({AUTH_LABELS[p.auth]}
            {p.mfa ? ', MFA' : ''}
            {p.region ? `, ${p.region}` : ''})
          </option>
        ))}
      </select>
    </Field>
  );
}

export function EndpointField({ draft, errors, onChange }: FieldsProps) {
  const id = 'connection-endpoint';
  return (
    <Field
      id={id}
      label="Endpoint URL"
      error={errors.endpoint}
      hint="DynamoDB Local (http://localhost:8000), LocalStack (http://localhost:4566), dynalite"
    >
      <input
        id={id}
        type="url"
        value={draft.endpoint}
        placeholder="http://localhost:8000"
        spellCheck={false}
        aria-invalid={errors.endpoint ? true : undefined}
        aria-describedby={describedBy(id, errors.endpoint, true)}
        onChange={(e) => onChange(withEndpoint(draft, e.target.value))}
      />
    </Field>
  );
}

/** A common region from the list, or any region typed in. */
export function RegionField({ draft, errors, onChange }: FieldsProps) {
  const id = 'connection-region';
  return (
    <Field id={id} label="Region" error={errors.region}>
      <input
        id={id}
        list="connection-regions"
        value={draft.region}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={errors.region ? true : undefined}
        aria-describedby={describedBy(id, errors.region)}
        onChange={(e) => onChange({ ...draft, region: e.target.value, regionTouched: true })}
      />
      <datalist id="connection-regions">
        {COMMON_REGIONS.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </datalist>
    </Field>
  );
}

export function NameField({ draft, errors, onChange }: FieldsProps) {
  const id = 'connection-name';
  return (
    <Field id={id} label="Name" error={errors.name}>
      <input
        id={id}
        value={draft.name}
        aria-invalid={errors.name ? true : undefined}
        aria-describedby={describedBy(id, errors.name)}
        onChange={(e) => onChange({ ...draft, name: e.target.value, nameTouched: true })}
      />
    </Field>
  );
}
