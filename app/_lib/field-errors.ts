// Field errors keyed by dotted path ("applicants.3.idNumber"), as the server and the local
// check both name them.

type Errors = Record<string, string>;

const related = (key: string, name: string) => key === name || key.startsWith(`${name}.`) || name.startsWith(`${key}.`);

/**
 * After the person changes `name`, the errors they were shown are checked again: an error
 * they corrected disappears, one they only changed is reworded, and nothing new appears
 * under a field they have not finished. A change of a whole group (rows added or removed)
 * shows the group's current errors, as the row numbers may have moved.
 */
export function reviseErrors(shown: Errors, name: string, current: Errors): Errors {
  const next: Errors = {};
  for (const [key, message] of Object.entries(shown)) {
    if (!related(key, name)) next[key] = message;
    else if (current[key]) next[key] = current[key];
  }
  const group = Object.keys(current).some((key) => key.startsWith(`${name}.`));
  if (group) for (const [key, message] of Object.entries(current)) if (key.startsWith(`${name}.`)) next[key] = message;
  return next;
}

/** Whether any error lies under `prefix` ("applicants.3"). */
export function hasErrorUnder(errors: Errors, prefix: string): boolean {
  return Object.keys(errors).some((key) => key === prefix || key.startsWith(`${prefix}.`));
}
