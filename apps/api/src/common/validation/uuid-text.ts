/** The id check of request bodies lives in the rules, shared with the admin's forms. */
export { UUID_PATTERN, uuidText } from '@sscard/rules';
