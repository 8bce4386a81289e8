import {
  saveConnectionInputSchema,
  type ConnectionInfo,
  type ProfileInfo,
  type SaveConnectionInput,
} from '../../../../shared/contract/connections';

/** The add/edit form's state: plain strings, turned into the channel's input on submit. */
export interface ConnectionDraft {
  id?: string;
  kind: 'profile' | 'endpoint';
  name: string;
  profile: string;
  endpoint: string;
  region: string;
  /** Once the user typed a name or region, choosing a profile no longer overwrites it. */
  nameTouched: boolean;
  regionTouched: boolean;
}

export type Field = 'name' | 'profile' | 'endpoint' | 'region';
export type FieldErrors = Partial<Record<Field | 'form', string>>;

const FIELDS: Field[] = ['name', 'profile', 'endpoint', 'region'];

/** A new draft: the first profile if there is one, else a custom endpoint. */
export function emptyDraft(profiles: ProfileInfo[]): ConnectionDraft {
  const first = profiles[0];
  const base = { name: '', endpoint: '', nameTouched: false, regionTouched: false };
  return first
    ? withProfile({ ...base, kind: 'profile', profile: '', region: '' }, first)
    : { ...base, kind: 'endpoint', profile: '', region: 'us-east-1' };
}

/** The draft that edits a saved connection. */
export function draftFrom(info: ConnectionInfo): ConnectionDraft {
  return {
    id: info.id,
    kind: info.kind === 'endpoint' ? 'endpoint' : 'profile',
    name: info.name,
    profile: info.profile ?? '',
    endpoint: info.kind === 'endpoint' ? (info.endpoint ?? '') : '',
    region: info.region,
    nameTouched: true,
    regionTouched: true,
  };
}

/** Picks a profile; the region (and name) follow it until the user set them. */
export function withProfile(d: ConnectionDraft, p: ProfileInfo | undefined): ConnectionDraft {
  return {
    ...d,
    profile: p?.name ?? '',
    region: d.regionTouched ? d.region : (p?.region ?? 'us-east-1'),
    name: d.nameTouched || d.kind !== 'profile' ? d.name : (p?.name ?? ''),
  };
}

/** Sets the endpoint URL; the name follows its host until the user set one. */
export function withEndpoint(d: ConnectionDraft, endpoint: string): ConnectionDraft {
  let host = '';
  try {
    host = new URL(endpoint.trim()).host;
  } catch {
    // Not a URL yet: the name keeps its value until it is one.
  }
  return { ...d, endpoint, name: d.nameTouched || !host ? d.name : host };
}

/** The channel input for a draft. */
export function toInput(d: ConnectionDraft): SaveConnectionInput {
  const common = {
    ...(d.id ? { id: d.id } : {}),
    name: d.name,
    ...(d.region.trim() ? { region: d.region } : {}),
  };
  return d.kind === 'profile'
    ? { ...common, kind: 'profile', profile: d.profile }
    : {
        ...common,
        kind: 'endpoint',
        endpoint: d.endpoint,
        ...(d.profile ? { profile: d.profile } : {}),
      };
}

/** Checks a draft with the same schema the backend applies; empty when it may be sent. */
export function validate(d: ConnectionDraft): FieldErrors {
  const parsed = saveConnectionInputSchema.safeParse(toInput(d));
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELDS.find((f) => f === issue.path[0]) ?? 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Places a backend refusal ("Invalid input for …: endpoint: …; name: …" or "name: …") on its fields. */
export function errorsFromMessage(message: string): FieldErrors {
  const body = message.replace(/^Invalid input for [\w:]+: /, '');
  const errors: FieldErrors = {};
  for (const part of body.split('; ')) {
    const m = /^(\w+): (.*)$/s.exec(part);
    const field = FIELDS.find((f) => f === m?.[1]);
    if (m && field) errors[field] ??= m[2];
    else errors.form = errors.form ? `${errors.form}; ${part}` : part;
  }
  return errors;
}
