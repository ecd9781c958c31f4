import {
  CATEGORY_LABELS,
  type Category,
  ID_KIND_LABELS,
  type IdKind,
  INSTITUTION_KIND_LABELS,
  type InstitutionKind,
  SUBSIDY_FLAG_DEFINITIONS,
  type SubsidyFlag,
} from '@sscard/rules';

type Bilingual = { zh: string; en: string };

/** The rules' label of an enumerated value the API sent as text (the value itself if unknown). */
function lookup<K extends string>(labels: Readonly<Record<K, Bilingual>>) {
  return (value: string, label: (l: Bilingual) => string): string => {
    const l = (labels as Readonly<Record<string, Bilingual | undefined>>)[value];
    return l ? label(l) : value;
  };
}

export const categoryLabel = lookup<Category>(CATEGORY_LABELS);
export const idKindLabel = lookup<IdKind>(ID_KIND_LABELS);
export const subsidyFlagLabel = lookup<SubsidyFlag>(SUBSIDY_FLAG_DEFINITIONS);
export const institutionKindLabel = lookup<InstitutionKind>(INSTITUTION_KIND_LABELS);
