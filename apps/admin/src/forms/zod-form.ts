import type { FormInstance, FormRule } from 'antd';
import type { ZodType } from 'zod';
import type { ApiError } from '../api/api-error.js';

type NamePath = (string | number)[];

function toNamePath(key: string): NamePath {
  return key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * An antd rule that runs the shared zod schema on the whole form and reports the issue at this
 * field: the form says exactly what the API would, with the same words.
 */
export function zodRule(
  schema: ZodType,
  field: string,
  pick: (message: string) => string,
): FormRule {
  return ({ getFieldsValue }) => ({
    async validator() {
      const result = schema.safeParse(getFieldsValue(true));
      if (result.success) return;
      const issue = result.error.issues.find((i) => i.path.map(String).join('.') === field);
      if (issue) throw new Error(pick(issue.message));
    },
  });
}

/**
 * Puts the API's field errors (422 validation_failed) next to the form's inputs. Returns the
 * keys it placed, so the page's alert lists only the others.
 */
export function showFieldErrors(
  form: FormInstance,
  error: ApiError,
  pick: (message: string) => string,
): string[] {
  const placed: string[] = [];
  const registered = new Set(form.getFieldsError().map((f) => f.name.map(String).join('.')));
  const fields = Object.entries(error.fields)
    .filter(([key]) => registered.has(key))
    .map(([key, message]) => {
      placed.push(key);
      return { name: toNamePath(key), errors: [pick(message)] };
    });
  form.setFields(fields);
  return placed;
}
